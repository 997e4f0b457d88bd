package org.slabproof.larson.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis from 0 (or a minimum) to a maximum rounded up to a "nice" tick step (1, 2 or 5 times a power of ten). */
record Axis(double min, double max, double step) {

    /** An axis covering {@code [min, max]} with at most about seven ticks. */
    static Axis from(double min, double max) {
        double raw = (max - min) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        // A 1% tolerance: a 10 s run that ends at 10.004 s should get an axis to 10, not to 12.
        double top = Math.max(1, Math.ceil((max - min) / step - 0.01)) * step + min;
        return new Axis(min, top, step);
    }

    /** Where {@code v} lies between min (0) and max (1). */
    double fraction(double v) {
        return (v - min) / (max - min);
    }

    /** The tick values, min and max included. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        // Multiplied, not accumulated, so rounding errors do not drift the last tick.
        for (int i = 0; min + i * step <= max + step / 2; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** A tick's text, with as many decimals as the step needs. */
    String label(double v) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
