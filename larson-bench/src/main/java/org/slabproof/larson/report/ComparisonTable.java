package org.slabproof.larson.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;

/**
 * The summary of a comparison: per entry, the median throughput over its completed runs, the
 * ratio of that median to the first entry's, the spread, and the memory peaks.
 */
public final class ComparisonTable {

    /**
     * One entry's row.
     *
     * @param label the entry ({@code id} or {@code id@variant})
     * @param runs runs made
     * @param completed runs that went their full time
     * @param medianThroughput median over the completed runs, NaN if none completed
     * @param minThroughput lowest completed run
     * @param maxThroughput highest completed run
     * @param ratio median divided by the first entry's median (NaN when either is missing)
     * @param superSlabsPeak highest SuperSlab peak over the runs, -1 for peers without SuperSlabs
     * @param rssPeakBytes highest RSS peak over the runs
     * @param capHits runs that ended at the mapped-memory cap
     */
    public record Row(String label, int runs, int completed, double medianThroughput, double minThroughput,
            double maxThroughput, double ratio, long superSlabsPeak, long rssPeakBytes, int capHits) {
    }

    private final List<Row> rows;

    /** Summarises {@code results}, grouped by label in the order labels first appear. */
    public ComparisonTable(List<RunResult> results, List<String> order) {
        Map<String, List<RunResult>> byLabel = new LinkedHashMap<>();
        for (String label : order) {
            byLabel.put(label, new ArrayList<>());
        }
        for (RunResult r : results) {
            byLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
        }
        List<Row> built = new ArrayList<>();
        double first = Double.NaN;
        for (var e : byLabel.entrySet()) {
            List<RunResult> runs = e.getValue();
            double[] ok = runs.stream().filter(r -> r.status() == RunStatus.OK)
                    .mapToDouble(RunResult::throughput).sorted().toArray();
            double median = median(ok);
            if (built.isEmpty()) {
                first = median;
            }
            long ssPeak = runs.stream().filter(r -> r.atEnd() != null).mapToLong(r -> r.atEnd().peak()).max().orElse(-1);
            long rssPeak = runs.stream().mapToLong(RunResult::rssPeakBytes).max().orElse(-1);
            int caps = (int) runs.stream().filter(r -> r.status() == RunStatus.MAPPED_MEMORY_EXHAUSTED).count();
            built.add(new Row(e.getKey(), runs.size(), ok.length, median,
                    ok.length == 0 ? Double.NaN : ok[0], ok.length == 0 ? Double.NaN : ok[ok.length - 1],
                    median / first, ssPeak, rssPeak, caps));
        }
        this.rows = List.copyOf(built);
    }

    /** The rows, first entry first. */
    public List<Row> rows() {
        return rows;
    }

    /** The median of sorted values (mean of the middle two for an even count), NaN for none. */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] v = sorted.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The table as printed at the end of a comparison. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-40s %14s %7s %25s %5s %5s %9s %13s%n", "allocator", "median ops/s",
                "ratio", "min..max ops/s", "ok", "cap", "ss peak", "rss peak MiB"));
        for (Row r : rows) {
            String spread = Double.isNaN(r.minThroughput()) ? "-"
                    : String.format(Locale.ROOT, "%.0f..%.0f", r.minThroughput(), r.maxThroughput());
            String ok = r.completed() + "/" + r.runs();
            sb.append(String.format(Locale.ROOT, "%-40s %14s %7s %25s %5s %5d %9s %13.1f%n", r.label(),
                    Double.isNaN(r.medianThroughput()) ? "-" : String.format(Locale.ROOT, "%.0f", r.medianThroughput()),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    spread, ok, r.capHits(), r.superSlabsPeak() < 0 ? "n/a" : Long.toString(r.superSlabsPeak()),
                    r.rssPeakBytes() / (1024.0 * 1024.0)));
        }
        return sb.toString();
    }
}
