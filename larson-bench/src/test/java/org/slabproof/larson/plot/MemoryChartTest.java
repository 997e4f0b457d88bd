package org.slabproof.larson.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.Workload;
import org.slabproof.larson.telemetry.Sample;

/**
 * What the chart shows (titles, panels, axes, one series per run with the sampled values, the
 * legend), read from the chart model rather than from pixels; and that both file formats are written.
 */
class MemoryChartTest {

    private static final SuperSlabFigures F = new SuperSlabFigures(10, 5, 5, 6, 12L << 20, 0, 0, 0, 0, 0, 0, 0, 0);

    private static RunResult slab(double idleStarted) {
        return new RunResult(Workload.LARSON, "slabproof", null, "", "1 8 16 4 1 1 1", RunStatus.OK, null, 1, 10, 10,
                1, 90L << 20, F, F, List.of(new Sample(0, 0, 2, 2, 0, 4L << 20, 80L << 20),
                        new Sample(0.5, 5, 6, 8, 2, 12L << 20, 85L << 20), new Sample(1, 10, 5, 10, 5, 10L << 20, 90L << 20)),
                idleStarted);
    }

    private static RunResult heap() {
        return new RunResult(Workload.LARSON, "heap", null, "", "1 8 16 4 1 1 1", RunStatus.OK, null, 1, 10, 10, 1,
                300L << 20, null, null, List.of(new Sample(0, 0, -1, -1, -1, -1, 200L << 20),
                        new Sample(1, 10, -1, -1, -1, -1, 300L << 20)), Double.NaN);
    }

    private static RunResult capped() {
        return new RunResult(Workload.LARSON, "slabproof", "seed-missing-remote-dec", "", "1 8 16 4 1 1 1",
                RunStatus.MAPPED_MEMORY_EXHAUSTED, "cap", 2.5, 10, 10, 1, 100L << 20, F, F,
                List.of(new Sample(0, 0, 1, 1, 0, 2L << 20, 70L << 20)), Double.NaN);
    }

    private static List<XYPlot> panels(JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
    }

    private static XYSeriesCollection data(XYPlot panel) {
        return (XYSeriesCollection) panel.getDataset();
    }

    @Test
    void larsonChartHasSuperSlabsAboveRssAndALineForEveryRunThatHasTheQuantity() {
        JFreeChart chart = new MemoryChart("Larson 1 8 16 4 1 1 1", List.of(slab(Double.NaN), heap(), capped())).chart();
        assertEquals("Larson 1 8 16 4 1 1 1", chart.getTitle().getText());
        assertEquals(MemoryChart.TIME_AXIS, chart.getXYPlot().getDomainAxis().getLabel());
        List<XYPlot> panels = panels(chart);
        assertEquals(2, panels.size());
        assertEquals("SuperSlabs live", panels.get(0).getRangeAxis().getLabel());
        assertEquals("RSS (MiB)", panels.get(1).getRangeAxis().getLabel());

        XYSeriesCollection superSlabs = data(panels.get(0));
        assertEquals(List.of("slabproof", "slabproof@seed-missing-remote-dec"), keys(superSlabs),
                "heap has no SuperSlabs, so no line in that panel");
        XYSeries live = superSlabs.getSeries("slabproof");
        assertEquals(3, live.getItemCount());
        assertEquals(0.5, live.getX(1).doubleValue());
        assertEquals(6.0, live.getY(1).doubleValue());

        XYSeriesCollection rss = data(panels.get(1));
        assertEquals(List.of("slabproof", "heap", "slabproof@seed-missing-remote-dec"), keys(rss));
        assertEquals(300.0, rss.getSeries("heap").getY(1).doubleValue(), "bytes shown in MiB");
        // The same colour for a run in every panel.
        assertEquals(panels.get(0).getRenderer().getSeriesPaint(1), panels.get(1).getRenderer().getSeriesPaint(2));
    }

    @Test
    void legendSaysHowEachRunWent() {
        JFreeChart chart = new MemoryChart("t", List.of(slab(Double.NaN), heap(), capped())).chart();
        List<String> legend = new ArrayList<>();
        LegendItemCollection items = chart.getLegend().getSources()[0].getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertEquals(List.of("slabproof: 0.00 M ops/s", "heap: 0.00 M ops/s, no SuperSlabs",
                "slabproof@seed-missing-remote-dec: mapped cap hit after 2.5 s"), legend);
    }

    @Test
    void memoryChartAddsMappedMibAndMarksTheIdlePhase() {
        JFreeChart chart = new MemoryChart("xmalloc", List.of(slab(0.8), slab(Double.NaN)),
                MemoryChart.MEMORY_PANELS).chart();
        List<XYPlot> panels = panels(chart);
        assertEquals(List.of("SuperSlabs live", "mapped (MiB)", "RSS (MiB)"),
                panels.stream().map(p -> p.getRangeAxis().getLabel()).toList());
        assertEquals(List.of("slabproof", "slabproof #2"), keys(data(panels.get(1))), "repeated labels get numbered");
        assertEquals(12.0, data(panels.get(1)).getSeries(0).getY(1).doubleValue());
        String legend = chart.getLegend().getSources()[0].getLegendItems().get(0).getLabel();
        assertEquals("slabproof: 0.00 M ops/s, producers idle from 0.8 s (dashed line)", legend);
        for (XYPlot p : panels) {
            Collection<?> markers = p.getDomainMarkers(Layer.FOREGROUND);
            assertEquals(1, markers.size(), "one marker: only the first run had an idle phase");
            assertEquals(0.8, ((ValueMarker) markers.iterator().next()).getValue());
        }
    }

    @Test
    void pngIsAnImageAndSvgIsAnSvgDocument(@TempDir Path dir) throws Exception {
        MemoryChart chart = new MemoryChart("test & <title>", List.of(slab(Double.NaN), heap()));
        Path png = dir.resolve("chart.png");
        chart.write(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 500 && image.getHeight() > 300);

        Path svg = dir.resolve("chart.svg");
        chart.write(svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.trim().endsWith("</svg>"), text.substring(0, 200));
        assertTrue(text.contains("test &amp; &lt;title&gt;"), "the title, escaped");
    }

    @Test
    void otherExtensionsAndNoRunsAreRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class,
                () -> new MemoryChart("t", List.of(heap())).write(dir.resolve("c.gif")));
        assertThrows(IllegalArgumentException.class, () -> new MemoryChart("t", List.of()));
    }

    private static List<String> keys(XYSeriesCollection c) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < c.getSeriesCount(); i++) {
            keys.add(c.getSeriesKey(i).toString());
        }
        return keys;
    }
}
