package io.tessera.console.health;

import io.tessera.engine.health.FigureHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** A small line chart of some figures over the history's window (x: minutes before now). */
final class HistoryChart {
    /** "0", "2.5", "1,200": no "0.0000100" ticks on a quiet chart. */
    private static final StringConverter<Number> READABLE = new StringConverter<>() {
        private final DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

        @Override
        public String toString(Number value) {
            return format.format(value.doubleValue());
        }

        @Override
        public Number fromString(String text) {
            return Double.parseDouble(text.replace(",", ""));
        }
    };

    private final HealthViewModel.Chart spec;
    private final LineChart<Number, Number> chart;

    HistoryChart(HealthViewModel.Chart spec, Duration window) {
        this.spec = spec;
        NumberAxis x = new NumberAxis(-window.toMinutes(), 0, 5);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setLabel("minutes ago");
        NumberAxis y = spec.top() > 0 ? new NumberAxis(0, spec.top(), spec.top() / 4) : new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(READABLE);
        chart = new LineChart<>(x, y);
        chart.setTitle(spec.title());
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(spec.figures().size() > 1);
        chart.getStyleClass().add("history-chart");
        chart.setPrefSize(250, spec.figures().size() > 1 ? 215 : 190);
        chart.setMinSize(150, 170);
        chart.setMaxWidth(Double.MAX_VALUE);
    }

    LineChart<Number, Number> node() {
        return chart;
    }

    void draw(FigureHistory history, Instant now) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (String figure : spec.figures()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (FigureHistory.Point point : history.points(figure)) {
                double minutesAgo = Duration.between(point.at(), now).toMillis() / 60_000.0;
                points.add(new XYChart.Data<>(-minutesAgo, point.value()));
            }
            series.add(new XYChart.Series<>(figure, FXCollections.observableList(points)));
        }
        chart.getData().setAll(series);
    }
}
