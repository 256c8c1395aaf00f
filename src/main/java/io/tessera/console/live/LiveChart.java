package io.tessera.console.live;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** A small line chart of the last two minutes (x: seconds before now), redrawn once a second from view-model lines. */
final class LiveChart {
    /** Counts per second are whole numbers: no "0.5" ticks on a quiet chart. */
    private static final StringConverter<Number> WHOLE_NUMBERS = new StringConverter<>() {
        @Override
        public String toString(Number value) {
            double v = value.doubleValue();
            return v == Math.rint(v) ? Long.toString((long) v) : "";
        }

        @Override
        public Number fromString(String text) {
            return Long.parseLong(text);
        }
    };

    private final LineChart<Number, Number> chart;

    LiveChart(String title) {
        NumberAxis x = new NumberAxis(-LiveSeries.WINDOW, 0, 30);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(WHOLE_NUMBERS);
        chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("live-chart");
        chart.setMinSize(120, 120);
    }

    LineChart<Number, Number> node() {
        return chart;
    }

    void show(List<LiveViewModel.ChartLine> lines) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>(lines.size());
        for (LiveViewModel.ChartLine line : lines) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(line.values().length);
            for (int i = 0; i < line.values().length; i++) {
                points.add(new XYChart.Data<>(i - line.values().length + 1, line.values()[i]));
            }
            series.add(new XYChart.Series<>(line.name(), FXCollections.observableList(points)));
        }
        chart.getData().setAll(series);
    }
}
