package org.slabproof.larson.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.slabproof.larson.LarsonResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.telemetry.Sample;

/**
 * Draws the memory story of one or more Larson runs: SuperSlabs live (top panel) and the process
 * RSS (bottom panel) against time, one colour per run, with a legend. Written as PNG or SVG,
 * chosen by the file's extension.
 */
public final class MemoryChart {
    private static final int WIDTH = 1040;
    private static final int HEIGHT = 640;
    private static final double LEFT = 80;
    private static final double RIGHT = WIDTH - 290;
    private static final double TOP_PANEL_TOP = 70;
    private static final double PANEL_HEIGHT = 220;
    private static final double PANEL_GAP = 70;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color[] PALETTE = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f),
    };

    private final String title;
    private final List<LarsonResult> runs;

    /** A chart titled {@code title} of {@code runs}, drawn in this order. */
    public MemoryChart(String title, List<LarsonResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        this.title = title;
        this.runs = List.copyOf(runs);
    }

    /** Draws the chart into {@code file}, PNG or SVG by its extension. */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            SvgSketch svg = new SvgSketch(WIDTH, HEIGHT);
            draw(svg);
            svg.save(file);
        } else if (name.endsWith(".png")) {
            PngSketch png = new PngSketch(WIDTH, HEIGHT);
            draw(png);
            png.save(file);
        } else {
            throw new IllegalArgumentException("a plot is .png or .svg, not " + file);
        }
    }

    private void draw(Sketch s) {
        s.fillRect(0, 0, WIDTH, HEIGHT, Color.WHITE);
        s.text(WIDTH / 2.0, 32, title, INK, 17, true, Sketch.Anchor.MIDDLE);

        double maxSeconds = 0;
        for (LarsonResult r : runs) {
            for (Sample x : r.samples()) {
                maxSeconds = Math.max(maxSeconds, x.seconds());
            }
        }
        Axis time = Axis.from(0, Math.max(maxSeconds, 1e-3));

        double bottomPanelTop = TOP_PANEL_TOP + PANEL_HEIGHT + PANEL_GAP;
        panel(s, TOP_PANEL_TOP, "SuperSlabs live", time, Sample::superSlabsLive, 1.0, true);
        panel(s, bottomPanelTop, "RSS (MiB)", time, Sample::rssBytes, 1024.0 * 1024.0, false);
        s.text((LEFT + RIGHT) / 2, bottomPanelTop + PANEL_HEIGHT + 45, "seconds since the workers started",
                INK, 13, false, Sketch.Anchor.MIDDLE);
        legend(s);
    }

    /** One panel: frame, grid, ticks and a polyline per run that has the quantity. */
    private void panel(Sketch s, double top, String name, Axis time, ToDoubleFunction<Sample> quantity,
            double divisor, boolean onlySuperSlabRuns) {
        double bottom = top + PANEL_HEIGHT;
        double maxValue = 0;
        for (LarsonResult r : runs) {
            for (Sample x : r.samples()) {
                double v = quantity.applyAsDouble(x);
                if (v >= 0) {
                    maxValue = Math.max(maxValue, v / divisor);
                }
            }
        }
        Axis values = Axis.from(0, maxValue > 0 ? maxValue * 1.05 : 1);

        for (double v : values.ticks()) {
            double y = bottom - values.fraction(v) * PANEL_HEIGHT;
            s.line(LEFT, y, RIGHT, y, GRID, 1);
            s.text(LEFT - 8, y + 4, values.label(v), INK, 11, false, Sketch.Anchor.END);
        }
        for (double t : time.ticks()) {
            double x = LEFT + time.fraction(t) * (RIGHT - LEFT);
            s.line(x, bottom, x, bottom + 5, INK, 1);
            s.text(x, bottom + 19, time.label(t), INK, 11, false, Sketch.Anchor.MIDDLE);
        }
        s.line(LEFT, top, LEFT, bottom, INK, 1.2);
        s.line(LEFT, bottom, RIGHT, bottom, INK, 1.2);
        s.verticalText(LEFT - 55, (top + bottom) / 2, name, INK, 13);

        for (int i = 0; i < runs.size(); i++) {
            LarsonResult r = runs.get(i);
            if (onlySuperSlabRuns && r.atEnd() == null) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            for (Sample x : r.samples()) {
                double v = quantity.applyAsDouble(x);
                if (v >= 0) {
                    points.add(new double[] {
                        LEFT + time.fraction(x.seconds()) * (RIGHT - LEFT),
                        bottom - values.fraction(v / divisor) * PANEL_HEIGHT});
                }
            }
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = points.get(k)[0];
                ys[k] = points.get(k)[1];
            }
            s.polyline(xs, ys, color(i), 2.2);
        }
    }

    private void legend(Sketch s) {
        double x = RIGHT + 25;
        double y = TOP_PANEL_TOP + 8;
        s.text(x, y, "runs", INK, 13, true, Sketch.Anchor.START);
        for (int i = 0; i < runs.size(); i++) {
            LarsonResult r = runs.get(i);
            y += 30;
            s.line(x, y - 4, x + 24, y - 4, color(i), 3);
            s.text(x + 32, y, r.allocator(), INK, 12, false, Sketch.Anchor.START);
            if (r.variant() != null) {
                // On a line of its own: variant ids are long and the legend is narrow.
                y += 15;
                s.text(x + 32, y, "variant " + r.variant(), INK, 11, false, Sketch.Anchor.START);
            }
            String note;
            if (r.status() == RunStatus.MAPPED_MEMORY_EXHAUSTED) {
                note = String.format(Locale.ROOT, "mapped cap hit after %.1f s", r.elapsedSeconds());
            } else if (r.status() == RunStatus.FAILED) {
                note = "failed";
            } else {
                note = String.format(Locale.ROOT, "%.2f M ops/s", r.throughput() / 1e6);
            }
            if (r.atEnd() == null) {
                note += ", no SuperSlabs";
            }
            y += 15;
            s.text(x + 32, y, note, INK, 11, false, Sketch.Anchor.START);
        }
    }

    private static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }
}
