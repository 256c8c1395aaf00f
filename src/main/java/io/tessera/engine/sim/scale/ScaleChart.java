package io.tessera.engine.sim.scale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The scaling curve as a PNG (XChart): steady images/s against worker hosts for each op, its ideal N× as a dashed line of the
 * same colour, and each measured point labelled with its efficiency (measured / ideal). Linear axes from 0, so a bend reads as
 * what it is; an op much cheaper than another draws the other low on the chart (its table row has the figures).
 */
public final class ScaleChart {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private ScaleChart() {}

    public static void write(List<ScalePoint> points, Path file, int width, int height, String subtitle) throws IOException {
        XYChart chart = new XYChartBuilder().width(width).height(height).title("Tessera: throughput over worker hosts" + (subtitle.isEmpty() ? "" : " (" + subtitle + ")"))
                .xAxisTitle("worker hosts      (point labels: efficiency = measured / ideal)").yAxisTitle("images/s (steady)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW).setChartBackgroundColor(Color.WHITE).setAntiAlias(true);
        chart.getStyler().setXAxisMin(0.0).setYAxisMin(0.0).setXAxisDecimalPattern("#").setXAxisTickMarkSpacingHint(50);
        double top = points.stream().mapToDouble(p -> Math.max(p.idealSteady(), p.steady())).filter(v -> v > 0).max().orElse(1);
        Map<String, List<ScalePoint>> byOp = points.stream().collect(Collectors.groupingBy(ScalePoint::op, LinkedHashMap::new, Collectors.toList()));
        int colour = 0;
        for (Map.Entry<String, List<ScalePoint>> series : byOp.entrySet()) {
            List<ScalePoint> at = series.getValue().stream().filter(p -> p.steady() > 0).toList();
            if (at.isEmpty()) {
                continue;
            }
            Color c = COLOURS[colour++ % COLOURS.length];
            double[] hosts = at.stream().mapToDouble(ScalePoint::hosts).toArray();
            XYSeries ideal = chart.addSeries(series.getKey() + " ideal N×", hosts, at.stream().mapToDouble(ScalePoint::idealSteady).toArray());
            ideal.setMarker(SeriesMarkers.NONE);
            ideal.setLineColor(c).setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
            XYSeries measured = chart.addSeries(series.getKey() + " measured", hosts, at.stream().mapToDouble(ScalePoint::steady).toArray());
            measured.setMarkerColor(c).setMarker(SeriesMarkers.CIRCLE);
            measured.setLineColor(c).setLineStyle(new BasicStroke(2.5f));
            for (ScalePoint p : at) {
                // just below the point
                chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "%.2f", p.efficiency()), p.hosts(), p.steady() - 0.04 * top, false));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
