package org.slabproof.larson;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slabproof.larson.report.ResultJson;

/**
 * Runs several allocators on the same workload and arguments, alternating them over rounds, each
 * run in a fresh JVM started with this JVM's own flags and class path.
 *
 * <p>Why a JVM per run: inside one JVM the first peer would leave compiled code (and, for the
 * worker loop, a polymorphic call site), heap and RSS behind for the next one; RSS and peak RSS
 * are per-process quantities. Why alternate, starting each round one entry later: background load
 * on a shared machine drifts, and a fixed order would hand that drift to the same entries.
 */
public final class Comparison {
    private final Options options;
    private final PrintStream out;

    /** A comparison as the options describe it, reporting to {@code out}. */
    public Comparison(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every round; returns every run's result, in the order they ran. */
    public List<RunResult> run() throws IOException, InterruptedException {
        List<String> entries = options.compare();
        List<RunResult> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("larson-compare");
        try {
            for (int round = 0; round < options.compareRounds(); round++) {
                for (int k = 0; k < entries.size(); k++) {
                    String entry = entries.get((k + round) % entries.size());
                    out.printf("== round %d/%d: %s ==%n", round + 1, options.compareRounds(), entry);
                    out.flush();
                    results.add(runChild(entry, dir.resolve("run-" + round + "-" + k + ".json")));
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return results;
    }

    private RunResult runChild(String entry, Path json) throws IOException, InterruptedException {
        int at = entry.indexOf('@');
        String allocator = at < 0 ? entry : entry.substring(0, at);
        String variant = at < 0 ? null : entry.substring(at + 1);
        boolean reference = allocator.startsWith("slabproof");

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LarsonMain.class.getName());
        command.add("--allocator");
        command.add(allocator);
        if (variant != null) {
            command.add("--variant");
            command.add(variant);
        }
        // The cap and geometry are the reference allocator's settings; the other peers have neither.
        if (reference && options.maxMappedBytes() > 0) {
            command.add("--max-mapped");
            command.add(Long.toString(options.maxMappedBytes()));
        }
        if (reference && options.superSlabSize() > 0) {
            command.add("--superslab-size");
            command.add(Long.toString(options.superSlabSize()));
        }
        if (options.quiet()) {
            command.add("--quiet");
        }
        command.add("--json");
        command.add(json.toString());
        command.addAll(options.workloadArguments());
        Process p = new ProcessBuilder(command).inheritIO().start();
        int exit = p.waitFor();
        if (!Files.exists(json)) {
            throw new IOException("the run of " + entry + " exited with status " + exit + " and wrote no result");
        }
        return ResultJson.read(Files.readString(json));
    }
}
