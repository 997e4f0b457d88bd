package org.slabproof.larson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slabproof.larson.peer.Peer;
import org.slabproof.larson.peer.Peers;
import org.slabproof.larson.plot.MemoryChart;
import org.slabproof.larson.report.ComparisonTable;
import org.slabproof.larson.report.ResultJson;
import org.slabproof.larson.report.SoakReport;

/**
 * The runner's entry point (the shaded jar's main class): one run of one allocator, a comparison
 * of several, or the soak, of Larson or xmalloc; see {@link Options#USAGE}. The exit status tells scripts how it went:
 * 0 ok, 1 failed, 2 bad command line, 3 the mapped-memory cap was reached, 4 the run ended but the
 * check after cleanup found an invariant broken. A {@code broken invariants: I1,I6} line names what
 * the failure or the check stands for.
 */
public final class LarsonMain {
    /** Exit status for a command line that could not be understood. */
    public static final int USAGE_ERROR = 2;
    /** Exit status for a run that ended but left the allocator's accounting or reclamation broken. */
    public static final int INVARIANT_BROKEN = 4;

    private LarsonMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] argv) {
        int status = run(argv, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line, printing results to {@code out} and progress and errors to {@code err}. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(argv, Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            err.println("larson: " + e.getMessage());
            err.println("try --help");
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return 0;
        }
        try {
            return options.isComparison() ? compare(options, out) : single(options, out, err);
        } catch (IllegalArgumentException e) {
            // E.g. an unknown variant id, found when the allocator is configured.
            err.println("larson: " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException e) {
            err.println("larson: " + e.getMessage());
            return RunStatus.FAILED.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("larson: interrupted");
            return RunStatus.FAILED.exitCode();
        }
    }

    private static int single(Options options, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        RunResult result;
        try (Peer peer = Peers.create(options.allocator(), options.variant(), options.maxMappedBytes(),
                options.superSlabSize())) {
            out.println(options.workload().id() + " " + options.workloadCommandLine() + " on " + peer.id() + ": "
                    + peer.description());
            out.flush();
            PrintStream progress = options.quiet() ? null : err;
            result = options.workload() == Workload.XMALLOC
                    ? new Xmalloc(options.xmalloc(), progress).run(peer)
                    : new Larson(options.larson(), progress).run(peer);
        }
        if (result.status() == RunStatus.OK) {
            out.println(result.throughputLine());
        } else {
            out.printf(Locale.ROOT, "error after %.3fs: %s%n", result.elapsedSeconds(), result.error());
        }
        if (result.brokenInvariants() != null) {
            out.println("broken invariants: " + result.brokenInvariants());
        }
        out.println(result.memoryLine());
        out.println(detailsLine(result));
        if (options.json() != null) {
            Files.writeString(options.json(), ResultJson.write(result) + "\n");
        }
        if (options.plot() != null) {
            chart(title(options) + ": " + result.label(), List.of(result), options).write(options.plot());
            out.println("plot: " + options.plot());
        }
        return exitCode(result);
    }

    /**
     * The run's exit status: its {@link RunStatus}'s, or {@link #INVARIANT_BROKEN} for a run that
     * ended well but whose check after cleanup found an invariant broken.
     */
    static int exitCode(RunResult result) {
        return result.status() == RunStatus.OK && result.brokenInvariants() != null ? INVARIANT_BROKEN
                : result.status().exitCode();
    }

    private static int compare(Options options, PrintStream out) throws IOException, InterruptedException {
        List<RunResult> results = new Comparison(options, out).run();
        ComparisonTable table = new ComparisonTable(results, options.compare());
        out.printf("%ncomparison of %s, %s %s, %d round(s), each run in its own JVM:%n",
                String.join(", ", options.compare()), options.workload().id(), options.workloadCommandLine(),
                options.compareRounds());
        out.print(table.format());
        if (options.soak()) {
            out.print(SoakReport.format(results));
        }

        if (options.json() != null) {
            Files.writeString(options.json(), ResultJson.writeComparison(options.workload().id(),
                    options.workloadCommandLine(), options.compareRounds(), table.rows(), results) + "\n");
        }
        if (options.plot() != null) {
            // The first run of each entry: one line per allocator keeps the chart readable.
            Set<String> seen = new LinkedHashSet<>();
            List<RunResult> firsts = new ArrayList<>();
            for (RunResult r : results) {
                if (seen.add(r.label())) {
                    firsts.add(r);
                }
            }
            chart(title(options) + ": first run of each", firsts, options).write(options.plot());
            out.println("plot: " + options.plot());
        }
        // The worst outcome decides: a failure, then the cap, then a broken invariant found at the end.
        int status = 0;
        for (RunResult r : results) {
            int code = exitCode(r);
            if (code == RunStatus.FAILED.exitCode()) {
                return code;
            }
            if (code == RunStatus.MAPPED_MEMORY_EXHAUSTED.exitCode() || status == 0) {
                status = code;
            }
        }
        return status;
    }

    private static String title(Options options) {
        return (options.workload() == Workload.XMALLOC ? "xmalloc " : "Larson ") + options.workloadCommandLine();
    }

    /** Larson's chart shows SuperSlabs and RSS; the soak and xmalloc, where memory over time is the point, add mapped MiB. */
    private static MemoryChart chart(String title, List<RunResult> runs, Options options) {
        boolean memory = options.soak() || options.workload() == Workload.XMALLOC;
        return new MemoryChart(title, runs, memory ? MemoryChart.MEMORY_PANELS : MemoryChart.LARSON_PANELS);
    }

    /** Threads spawned, mallocs and the allocator's free-path counters, for readers who want the detail. */
    static String detailsLine(RunResult r) {
        StringBuilder sb = new StringBuilder("details: threads_spawned=").append(r.threadsSpawned())
                .append(" mallocs=").append(r.mallocs()).append(" frees=").append(r.frees())
                .append(String.format(Locale.ROOT, " elapsed=%.3fs", r.elapsedSeconds()));
        if (r.atEnd() != null) {
            sb.append(" slow_mallocs=").append(r.atEnd().slowMallocs())
                    .append(" local_frees=").append(r.atEnd().localFrees())
                    .append(" remote_frees=").append(r.atEnd().remoteFrees())
                    .append(" drains=").append(r.atEnd().drains())
                    .append(" drained_blocks=").append(r.atEnd().drainedBlocks())
                    .append(" adoptions=").append(r.atEnd().adoptions())
                    .append(" trims=").append(r.atEnd().trims());
        }
        if (r.afterCleanup() != null) {
            sb.append(" after_cleanup: active_blocks=").append(r.afterCleanup().activeBlocks())
                    .append(" superslabs_live=").append(r.afterCleanup().live());
        }
        return sb.toString();
    }
}
