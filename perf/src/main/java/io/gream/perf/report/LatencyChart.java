package io.gream.perf.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The PNG chart of the report: latency percentiles (log scale) against achieved throughput, one line per system
 * and percentile, from the fixed-rate ({@code latency}) figures.
 */
final class LatencyChart {

    private LatencyChart() {
    }

    static void write(Report report, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(600)
                .title("Gream: latency percentiles against throughput")
                .xAxisTitle("completed per second").yAxisTitle("latency (ms, log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        boolean any = false;
        for (String system : List.of("gream-engine", "raw-kafka", "gream-rest")) {
            List<Measurement> points = report.measurements().stream()
                    .filter(m -> m.system().equals(system) && m.metric().equals("latency")
                            && m.latency().count() > 0)
                    .sorted(Comparator.comparingDouble(Measurement::throughputPerSecond)).toList();
            if (points.isEmpty()) {
                continue;
            }
            any = true;
            series(chart, system + " p50", points, m -> m.latency().p50Ms());
            series(chart, system + " p99", points, m -> m.latency().p99Ms());
            series(chart, system + " p99.9", points, m -> m.latency().p999Ms());
        }
        if (!any) {
            chart.addSeries("no fixed-rate figures", new double[] {0}, new double[] {1});
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void series(XYChart chart, String name, List<Measurement> points,
                               ToDoubleFunction<Measurement> latency) {
        double[] x = points.stream().mapToDouble(Measurement::throughputPerSecond).toArray();
        double[] y = points.stream().mapToDouble(m -> Math.max(0.01, latency.applyAsDouble(m))).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
