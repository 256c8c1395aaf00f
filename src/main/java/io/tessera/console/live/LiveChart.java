package io.tessera.console.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** A small line chart of the last two minutes (x: seconds before now), redrawn once a second from view-model lines. */
final class LiveChart {
    /** Counts (the queue depth) are whole numbers: no "0.5" ticks on a quiet chart. */
    private static final StringConverter<Number> WHOLE_NUMBERS = new Ticks(false);
    /** Rates are averages: "0.5" images/s is a real figure. */
    private static final StringConverter<Number> RATES = new Ticks(true);

    private final LineChart<Number, Number> chart;

    /** @param counts the values are counts (whole numbers), not rates */
    LiveChart(String title, boolean counts) {
        NumberAxis x = new NumberAxis(-ChartPoints.COUNT, 0, 30);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(counts ? WHOLE_NUMBERS : RATES);
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

    /** Points without a value (NaN: not sampled yet) are left out, so the line starts where the figure is known. */
    void show(List<LiveViewModel.ChartLine> lines) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>(lines.size());
        for (LiveViewModel.ChartLine line : lines) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(line.values().length);
            for (int i = 0; i < line.values().length; i++) {
                if (!Double.isNaN(line.values()[i])) {
                    points.add(new XYChart.Data<>(i - line.values().length + 1, line.values()[i]));
                }
            }
            series.add(new XYChart.Series<>(line.name(), FXCollections.observableList(points)));
        }
        chart.getData().setAll(series);
    }

    private static final class Ticks extends StringConverter<Number> {
        private final boolean fractions;

        Ticks(boolean fractions) {
            this.fractions = fractions;
        }

        @Override
        public String toString(Number value) {
            double v = value.doubleValue();
            if (v == Math.rint(v)) {
                return Long.toString((long) v);
            }
            return fractions ? String.format(Locale.ROOT, "%.1f", v) : "";
        }

        @Override
        public Number fromString(String text) {
            return Double.parseDouble(text);
        }
    }
}
