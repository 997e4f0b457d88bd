package org.slabproof.larson.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.telemetry.Sample;

/**
 * Draws the memory story of one or more runs against time, one panel per quantity (by default
 * SuperSlabs live above the process RSS), one colour per run, with a legend that says how each
 * run went. Written as PNG or SVG, chosen by the file's extension.
 */
public final class MemoryChart {
    /** The x axis of every panel. */
    public static final String TIME_AXIS = "seconds since the workers started";

    private static final int WIDTH = 1040;
    private static final int PANEL_HEIGHT = 260;
    private static final double MIB = 1024.0 * 1024.0;
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color[] PALETTE = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f),
    };

    /** A quantity drawn against time in a panel of its own. */
    public enum Panel {
        /** SuperSlabs mapped and not released; only runs of the reference allocator have it. */
        SUPERSLABS_LIVE("SuperSlabs live", Sample::superSlabsLive, 1.0),
        /** Bytes the reference allocator has mapped, in MiB. */
        MAPPED_MIB("mapped (MiB)", Sample::mappedBytes, MIB),
        /** The process's resident set, in MiB; every run has it. */
        RSS_MIB("RSS (MiB)", Sample::rssBytes, MIB);

        private final String axisLabel;
        private final ToLongFunction<Sample> quantity;
        private final double divisor;

        Panel(String axisLabel, ToLongFunction<Sample> quantity, double divisor) {
            this.axisLabel = axisLabel;
            this.quantity = quantity;
            this.divisor = divisor;
        }

        /** The panel's y-axis label. */
        public String axisLabel() {
            return axisLabel;
        }
    }

    /** Larson's chart: SuperSlabs live, then RSS. */
    public static final List<Panel> LARSON_PANELS = List.of(Panel.SUPERSLABS_LIVE, Panel.RSS_MIB);
    /** The memory-over-time chart of soak and xmalloc runs: SuperSlabs live, mapped MiB, RSS. */
    public static final List<Panel> MEMORY_PANELS = List.of(Panel.SUPERSLABS_LIVE, Panel.MAPPED_MIB, Panel.RSS_MIB);

    private final JFreeChart chart;
    private final int height;

    /** Larson's chart titled {@code title} of {@code runs}, drawn in this order. */
    public MemoryChart(String title, List<RunResult> runs) {
        this(title, runs, LARSON_PANELS);
    }

    /** A chart titled {@code title} of {@code runs}, drawn in this order, one panel per entry of {@code panels}. */
    public MemoryChart(String title, List<RunResult> runs, List<Panel> panels) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        List<String> keys = seriesKeys(runs);
        NumberAxis time = new NumberAxis(TIME_AXIS);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(18);
        for (Panel panel : panels) {
            plot.add(panel(panel, runs, keys), 1);
        }
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < runs.size(); i++) {
            LegendItem item = new LegendItem(keys.get(i) + ": " + note(runs.get(i)), color(i));
            items.add(item);
        }
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        height = 120 + PANEL_HEIGHT * panels.size();
    }

    /** The chart as built, for callers (and tests) that want its plots, series and axes. */
    public JFreeChart chart() {
        return chart;
    }

    /** Draws the chart into {@code file}, PNG or SVG by its extension. */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
            chart.draw(g, new Rectangle(WIDTH, height));
            SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
        } else if (name.endsWith(".png")) {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
        } else {
            throw new IllegalArgumentException("a plot is .png or .svg, not " + file);
        }
    }

    /** One panel: a series per run that has the quantity, coloured as the run is everywhere else. */
    private static XYPlot panel(Panel panel, List<RunResult> runs, List<String> keys) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < runs.size(); i++) {
            // Unsorted with duplicates allowed: the samples are already in time order, keep them as taken.
            XYSeries series = new XYSeries(keys.get(i), false, true);
            for (Sample s : runs.get(i).samples()) {
                long v = panel.quantity.applyAsLong(s);
                if (v >= 0) {
                    series.add(s.seconds(), v / panel.divisor);
                }
            }
            if (series.getItemCount() == 0) {
                continue;       // e.g. a peer without SuperSlabs in the SuperSlab panel
            }
            renderer.setSeriesPaint(data.getSeriesCount(), color(i));
            renderer.setSeriesStroke(data.getSeriesCount(), new BasicStroke(2.2f));
            data.addSeries(series);
        }
        NumberAxis values = new NumberAxis(panel.axisLabel);
        values.setAutoRangeIncludesZero(true);
        if (panel == Panel.SUPERSLABS_LIVE) {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());   // no half SuperSlabs
        }
        XYPlot plot = new XYPlot(data, null, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            if (r.hadIdlePhase()) {
                ValueMarker idle = new ValueMarker(r.idleStartedSeconds(), color(i), new BasicStroke(1f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
                // Unlabelled: labels of several runs' markers would overprint; the legend gives the time.
                plot.addDomainMarker(idle);
            }
        }
        return plot;
    }

    /** How the run went, for its legend entry. */
    private static String note(RunResult r) {
        String note;
        if (r.status() == RunStatus.MAPPED_MEMORY_EXHAUSTED) {
            note = String.format(Locale.ROOT, "mapped cap hit after %.1f s", r.elapsedSeconds());
        } else if (r.status() == RunStatus.FAILED) {
            note = "failed";
        } else {
            note = String.format(Locale.ROOT, "%.2f M ops/s", r.throughput() / 1e6);
        }
        if (r.hadIdlePhase()) {
            note += String.format(Locale.ROOT, ", producers idle from %.1f s (dashed line)", r.idleStartedSeconds());
        }
        return r.atEnd() == null ? note + ", no SuperSlabs" : note;
    }

    /** Each run's label, numbered when a label repeats: a series needs a key of its own. */
    private static List<String> seriesKeys(List<RunResult> runs) {
        List<String> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (RunResult r : runs) {
            String key = r.label();
            for (int n = 2; !used.add(key); n++) {
                key = r.label() + " #" + n;
            }
            keys.add(key);
        }
        return keys;
    }

    private static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }
}
