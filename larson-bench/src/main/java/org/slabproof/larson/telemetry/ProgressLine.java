package org.slabproof.larson.telemetry;

import java.util.Locale;

/** Formats the once-a-second progress line. */
public final class ProgressLine {
    private static final double MIB = 1024.0 * 1024.0;

    private ProgressLine() {
    }

    /**
     * The line for {@code s}, e.g. {@code [larson   1.0s] ops/s=1234567 superslabs live=3 ... rss=210.4MiB};
     * ops/s is the workers' mallocs per second so far.
     *
     * @param name what is running, e.g. {@code larson} or {@code xmalloc idle}
     */
    public static String format(String name, Sample s) {
        double rate = s.seconds() > 0 ? s.mallocs() / s.seconds() : 0;
        String superSlabs = s.hasSuperSlabs()
                ? String.format(Locale.ROOT, "superslabs live=%d allocated=%d freed=%d mapped=%.1fMiB",
                        s.superSlabsLive(), s.superSlabsAllocated(), s.superSlabsFreed(), s.mappedBytes() / MIB)
                : "superslabs n/a";
        String rss = s.rssBytes() >= 0 ? String.format(Locale.ROOT, "%.1fMiB", s.rssBytes() / MIB) : "unknown";
        return String.format(Locale.ROOT, "[%s %5.1fs] ops/s=%.0f %s rss=%s", name, s.seconds(), rate, superSlabs, rss);
    }
}
