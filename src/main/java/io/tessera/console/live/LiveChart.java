package io.tessera.console.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A small line chart of the last two minutes (x: seconds before now), redrawn once a second from view-model lines. Its
 * legend is its own, below it, wrapping onto more lines: the chart's built-in legend hides itself when the chart is short
 * (two long job ids at 1280×800), leaving lines nobody can name.
 */
final class LiveChart {
    /** Counts (the queue depth) are whole numbers: no "0.5" ticks on a quiet chart. */
    private static final StringConverter<Number> WHOLE_NUMBERS = new Ticks(false);
    /** Rates are averages: "0.5" images/s is a real figure. */
    private static final StringConverter<Number> RATES = new Ticks(true);

    private final LineChart<Number, Number> chart;
    private final FlowPane legend = new FlowPane(10, 2);
    private final VBox box;

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
        chart.setLegendVisible(false);
        chart.getStyleClass().add("live-chart");
        chart.setMinSize(120, 100);
        legend.getStyleClass().add("live-chart-legend");
        legend.setAlignment(Pos.CENTER);
        box = new VBox(chart, legend);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    Region node() {
        return box;
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
        List<Label> items = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            // the classes JavaFX gives series i's line and legend symbol, so the colours match
            Region symbol = new Region();
            symbol.getStyleClass().addAll("chart-legend-item-symbol", "chart-line-symbol", "series" + i, "default-color" + (i % 8));
            Label item = new Label(lines.get(i).name(), symbol);
            item.getStyleClass().add("chart-legend-item");
            items.add(item);
        }
        legend.getChildren().setAll(items);
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
            // ticks of 0.25 read "0.25", not "0.3"
            return fractions ? BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() : "";
        }

        @Override
        public Number fromString(String text) {
            return Double.parseDouble(text);
        }
    }
}
