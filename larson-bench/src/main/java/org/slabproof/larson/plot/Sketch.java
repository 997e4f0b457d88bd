package org.slabproof.larson.plot;

import java.awt.Color;

/**
 * The few drawing operations a chart needs, so the same layout code draws a PNG (through
 * java.awt) and an SVG (written as text). Coordinates are pixels, y grows downwards.
 */
interface Sketch {

    /** Where a text's x coordinate lies on it. */
    enum Anchor { START, MIDDLE, END }

    /** Fills a rectangle. */
    void fillRect(double x, double y, double w, double h, Color color);

    /** Draws a straight line. */
    void line(double x1, double y1, double x2, double y2, Color color, double width);

    /** Draws connected line segments through the points. */
    void polyline(double[] xs, double[] ys, Color color, double width);

    /** Draws one line of text with its baseline at {@code y}. */
    void text(double x, double y, String text, Color color, int size, boolean bold, Anchor anchor);

    /** Draws text rotated a quarter turn counter-clockwise, centred on (x, y); for a vertical axis title. */
    void verticalText(double x, double y, String text, Color color, int size);
}
