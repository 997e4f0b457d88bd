package org.slabproof.larson.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A {@link Sketch} that writes SVG markup by hand, so no library is needed for vector output. */
final class SvgSketch implements Sketch {
    private final StringBuilder svg = new StringBuilder();

    SvgSketch(int width, int height) {
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n",
                width, height, width, height));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, w, h, hex(color)));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, hex(color), width));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, double width) {
        svg.append("<polyline fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke=\"")
                .append(hex(color)).append(String.format(Locale.ROOT, "\" stroke-width=\"%.1f\" points=\"", width));
        for (int i = 0; i < xs.length; i++) {
            svg.append(String.format(Locale.ROOT, i == 0 ? "%.1f,%.1f" : " %.1f,%.1f", xs[i], ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, Color color, int size, boolean bold, Anchor anchor) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\"%s>",
                x, y, size, hex(color), a, bold ? " font-weight=\"bold\"" : ""))
                .append(escape(text)).append("</text>\n");
    }

    @Override
    public void verticalText(double x, double y, String text, Color color, int size) {
        svg.append(String.format(Locale.ROOT,
                "<text x=\"0\" y=\"0\" font-size=\"%d\" fill=\"%s\" text-anchor=\"middle\" "
                        + "transform=\"translate(%.1f,%.1f) rotate(-90)\">",
                size, hex(color), x, y)).append(escape(text)).append("</text>\n");
    }

    /** Closes the document and writes it. */
    void save(Path file) throws IOException {
        Files.writeString(file, svg + "</svg>\n", StandardCharsets.UTF_8);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
