package org.slabproof.larson.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slabproof.larson.LarsonResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.telemetry.Sample;

/** The chart is written as a readable PNG and as SVG with one line per run and a legend. */
class MemoryChartTest {

    private static List<LarsonResult> runs() {
        SuperSlabFigures f = new SuperSlabFigures(10, 5, 5, 6, 12L << 20, 0, 0, 0, 0, 0, 0, 0);
        LarsonResult slab = new LarsonResult("slabproof", null, "", "1 8 16 4 1 1 1", RunStatus.OK, null, 1, 10, 10,
                1, 90L << 20, f, f, List.of(new Sample(0, 0, 2, 2, 0, 4L << 20, 80L << 20),
                        new Sample(0.5, 5, 6, 8, 2, 12L << 20, 85L << 20), new Sample(1, 10, 5, 10, 5, 10L << 20, 90L << 20)));
        LarsonResult heap = new LarsonResult("heap", null, "", "1 8 16 4 1 1 1", RunStatus.OK, null, 1, 10, 10, 1,
                300L << 20, null, null, List.of(new Sample(0, 0, -1, -1, -1, -1, 200L << 20),
                        new Sample(1, 10, -1, -1, -1, -1, 300L << 20)));
        return List.of(slab, heap);
    }

    @Test
    void pngIsAnImage(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        new MemoryChart("test", runs()).write(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 500 && image.getHeight() > 300);
    }

    @Test
    void svgHasALinePerSeriesAndTheLegend(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("chart.svg");
        new MemoryChart("test & <title>", runs()).write(svg);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") && text.trim().endsWith("</svg>"));
        // slabproof in both panels, heap only in the RSS panel.
        assertEquals(3, text.split("<polyline", -1).length - 1);
        assertTrue(text.contains("test &amp; &lt;title&gt;"));
        assertTrue(text.contains(">heap<") && text.contains("no SuperSlabs"));
    }

    @Test
    void otherExtensionsAreRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> new MemoryChart("t", runs()).write(dir.resolve("c.gif")));
    }
}
