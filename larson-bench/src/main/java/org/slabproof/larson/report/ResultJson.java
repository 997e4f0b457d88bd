package org.slabproof.larson.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.Workload;
import org.slabproof.larson.telemetry.Sample;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code --json} form of a {@link RunResult}, and of a comparison: one flat object whose
 * names match the printed lines ({@code throughput}, {@code superslabs_allocated}, ...,
 * {@code rss_peak_bytes}), the allocator's counters after cleanup as a nested object, and the
 * telemetry samples. Fields a peer without SuperSlabs cannot have are {@code null}.
 *
 * <p>The records below are the schema, member for member and in order; Jackson derives the
 * snake_case names from them. The in-memory records use -1 and NaN for "not available", JSON
 * uses null (it has no NaN), so each record converts at the boundary.
 */
public final class ResultJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // Members in declaration order, as the schema lists them, not alphabetically.
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ResultJson() {
    }

    /** The JSON document for {@code r}. */
    public static String write(RunResult r) {
        return MAPPER.writeValueAsString(RunDocument.of(r));
    }

    /**
     * Reads back a document written by {@link #write}, or by the runner before the workload field existed.
     *
     * @throws tools.jackson.core.JacksonException if it is not one
     */
    public static RunResult read(String json) {
        return MAPPER.readValue(json, RunDocument.class).toResult();
    }

    /** The JSON document of a comparison: its summary rows and every run's own document. */
    public static String writeComparison(String workload, String arguments, int rounds, List<ComparisonTable.Row> rows,
            List<RunResult> runs) {
        return MAPPER.writeValueAsString(new ComparisonDocument(workload, arguments, rounds,
                rows.stream().map(SummaryRow::of).toList(), runs.stream().map(RunDocument::of).toList()));
    }

    /** The runs of a comparison document, in the order they ran. */
    public static List<RunResult> readComparisonRuns(String json) {
        return MAPPER.readValue(json, ComparisonDocument.class).runs().stream().map(RunDocument::toResult).toList();
    }

    /**
     * One run. {@code workload}, {@code idle_started_seconds} and {@code broken_invariants} were added
     * later; absent means Larson, no idle phase, nothing found broken.
     */
    record RunDocument(String workload, String allocator, String variant, String description, String arguments,
            String status, String error, String brokenInvariants, Double throughput, Double relativeTime,
            Double elapsedSeconds, Double idleStartedSeconds, long mallocs, long frees, long threadsSpawned,
            long rssPeakBytes, @JsonUnwrapped Figures figures, Figures afterCleanup, List<SampleDocument> samples) {

        static RunDocument of(RunResult r) {
            return new RunDocument(r.workload().id(), r.allocator(), r.variant(), r.description(), r.arguments(),
                    r.status().id(), r.error(), r.brokenInvariants(), finite(r.throughput()), finite(r.relativeTime()),
                    finite(r.elapsedSeconds()), finite(r.idleStartedSeconds()), r.mallocs(), r.frees(),
                    r.threadsSpawned(), r.rssPeakBytes(),
                    // Unwrapped members are left out when the object is null: write them as nulls instead.
                    r.atEnd() == null ? Figures.NONE : Figures.of(r.atEnd()),
                    r.afterCleanup() == null ? null : Figures.of(r.afterCleanup()),
                    r.samples().stream().map(SampleDocument::of).toList());
        }

        RunResult toResult() {
            return new RunResult(workload == null ? Workload.LARSON : Workload.fromId(workload), allocator, variant,
                    description, arguments, RunStatus.fromId(status), error, orNaN(elapsedSeconds), mallocs, frees,
                    threadsSpawned, rssPeakBytes, figures == null ? null : figures.toFigures(),
                    afterCleanup == null ? null : afterCleanup.toFigures(),
                    samples == null ? List.of() : samples.stream().map(SampleDocument::toSample).toList(),
                    orNaN(idleStartedSeconds), brokenInvariants);
        }
    }

    /** The reference allocator's counters; all null for a peer without SuperSlabs. */
    record Figures(Long superslabsAllocated, Long superslabsFreed, Long superslabsLive, Long superslabsPeak,
            Long mappedPeakBytes, Long activeBlocks, Long slowMallocs, Long localFrees, Long remoteFrees, Long drains,
            Long drainedBlocks, Long adoptions, Long trims) {
        static final Figures NONE = new Figures(null, null, null, null, null, null, null, null, null, null, null, null, null);

        static Figures of(SuperSlabFigures f) {
            return new Figures(f.allocated(), f.freed(), f.live(), f.peak(), f.mappedBytesPeak(), f.activeBlocks(),
                    f.slowMallocs(), f.localFrees(), f.remoteFrees(), f.drains(), f.drainedBlocks(), f.adoptions(), f.trims());
        }

        SuperSlabFigures toFigures() {
            if (superslabsAllocated == null) {
                return null;
            }
            return new SuperSlabFigures(superslabsAllocated, orMinusOne(superslabsFreed), orMinusOne(superslabsLive),
                    orMinusOne(superslabsPeak), orMinusOne(mappedPeakBytes), orMinusOne(activeBlocks),
                    orMinusOne(slowMallocs),
                    orMinusOne(localFrees), orMinusOne(remoteFrees), orMinusOne(drains), orMinusOne(drainedBlocks),
                    orMinusOne(adoptions), orMinusOne(trims));
        }
    }

    /** One telemetry sample. */
    record SampleDocument(double seconds, Long mallocs, Long superslabsLive, Long superslabsAllocated,
            Long superslabsFreed, Long mappedBytes, Long rssBytes) {

        static SampleDocument of(Sample s) {
            return new SampleDocument(s.seconds(), s.mallocs(), nullable(s.superSlabsLive()),
                    nullable(s.superSlabsAllocated()), nullable(s.superSlabsFreed()), nullable(s.mappedBytes()),
                    nullable(s.rssBytes()));
        }

        Sample toSample() {
            return new Sample(seconds, orMinusOne(mallocs), orMinusOne(superslabsLive), orMinusOne(superslabsAllocated),
                    orMinusOne(superslabsFreed), orMinusOne(mappedBytes), orMinusOne(rssBytes));
        }
    }

    /** A comparison; {@code workload} was added later. */
    record ComparisonDocument(String workload, String arguments, int rounds, List<SummaryRow> summary,
            List<RunDocument> runs) {
    }

    /** One entry of a comparison's summary; {@code superslabs_peak} is -1 for peers without SuperSlabs, as it always was. */
    record SummaryRow(String label, int runs, int completed, Double medianThroughput, Double ratioToFirst,
            Double minThroughput, Double maxThroughput, int capHits, long superslabsPeak, long rssPeakBytes) {

        static SummaryRow of(ComparisonTable.Row r) {
            return new SummaryRow(r.label(), r.runs(), r.completed(), finite(r.medianThroughput()), finite(r.ratio()),
                    finite(r.minThroughput()), finite(r.maxThroughput()), r.capHits(), r.superSlabsPeak(),
                    r.rssPeakBytes());
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static Long nullable(long v) {
        return v < 0 ? null : v;
    }

    private static long orMinusOne(Long v) {
        return v == null ? -1 : v;
    }
}
