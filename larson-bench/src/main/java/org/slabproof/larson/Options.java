package org.slabproof.larson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slabproof.larson.peer.Peers;
import org.slabproof.variants.KnownBadVariant;

/**
 * The runner's command line: Larson's seven positional arguments plus the options around them.
 *
 * @param larson the positional arguments (mimalloc-bench's defaults when none are given)
 * @param allocator the peer of a single run
 * @param compare the entries of a comparison ({@code id} or {@code id@variant}); empty for a single run
 * @param compareRounds how many times a comparison runs each entry
 * @param variant a known-bad variant for a single run of the reference allocator, or null
 * @param maxMappedBytes the reference allocator's cap on mapped bytes, 0 for its default
 * @param superSlabSize the reference allocator's SuperSlab size, 0 for its default
 * @param json where to write the result as JSON, or null
 * @param plot where to draw the telemetry (.png or .svg), or null
 * @param quiet whether to leave out the progress lines
 * @param help whether usage was asked for
 */
public record Options(LarsonArguments larson, String allocator, List<String> compare, int compareRounds,
        String variant, long maxMappedBytes, long superSlabSize, Path json, Path plot, boolean quiet, boolean help) {

    /** The usage text {@code --help} prints. */
    public static final String USAGE = """
            usage: larson [options] [sleep_seconds min_size max_size chunks_per_thread rounds seed threads]
              With no positional arguments: mimalloc-bench's 5 8 1000 5000 100 4141 <available processors>.
              --allocator ID         slabproof (decrement-at-free), slabproof-drain (decrement-at-drain),
                                     heap (new byte[]), netty (pooled direct ByteBufs), malloc (C malloc via FFM)
                                     default: slabproof
              --compare A,B,...      run each entry in its own JVM, alternating, and print medians and ratios
                                     to the first; an entry may name a variant: slabproof@seed-missing-remote-dec
              --rounds-of-compare N  runs of each entry in a comparison (default 3)
              --variant ID           run a known-bad variant of the reference allocator (e.g. seed-missing-remote-dec)
              --max-mapped SIZE      cap the reference allocator's mapped memory (e.g. 256m); reaching it ends
                                     the run with exit status 3
              --superslab-size SIZE  SuperSlab size of the reference allocator (1m, 2m, 4m)
              --json FILE            write the result (a comparison: every run) as JSON
              --plot FILE            draw SuperSlabs live and RSS over time, .png or .svg
              --quiet                no progress lines
              --help                 this text
            exit status: 0 ok, 1 run failed, 2 bad command line, 3 mapped memory cap reached
            """;

    /** Whether this is a comparison rather than a single run. */
    public boolean isComparison() {
        return !compare.isEmpty();
    }

    /**
     * Parses the command line; positional arguments and options may be mixed.
     *
     * @param defaultThreads the thread count when no positional arguments are given
     * @throws IllegalArgumentException with a message for the user on any mistake
     */
    public static Options parse(String[] argv, int defaultThreads) {
        String allocator = "slabproof";
        boolean allocatorGiven = false;
        List<String> compare = List.of();
        int rounds = 3;
        String variant = null;
        long maxMapped = 0;
        long superSlabSize = 0;
        Path json = null;
        Path plot = null;
        boolean quiet = false;
        boolean help = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                // Not "-": a negative seed is a positional argument, as atoi would take it.
                positional.add(a);
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--quiet" -> quiet = true;
                case "--allocator" -> {
                    allocator = requireKnown(inline != null ? inline : value(argv, ++i, name));
                    allocatorGiven = true;
                }
                case "--compare" -> {
                    List<String> entries = new ArrayList<>();
                    for (String e : (inline != null ? inline : value(argv, ++i, name)).split(",")) {
                        String entry = e.trim();
                        if (!entry.isEmpty()) {
                            int at = entry.indexOf('@');
                            requireKnown(at < 0 ? entry : entry.substring(0, at));
                            if (at >= 0) {
                                requireVariant(entry.substring(0, at), entry.substring(at + 1));
                            }
                            entries.add(entry);
                        }
                    }
                    if (entries.isEmpty()) {
                        throw new IllegalArgumentException("--compare needs at least one allocator");
                    }
                    compare = List.copyOf(entries);
                }
                case "--rounds-of-compare" -> {
                    String v = inline != null ? inline : value(argv, ++i, name);
                    try {
                        rounds = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--rounds-of-compare needs an integer, got '" + v + "'", e);
                    }
                    if (rounds < 1) {
                        throw new IllegalArgumentException("--rounds-of-compare must be >= 1, got " + rounds);
                    }
                }
                case "--variant" -> variant = inline != null ? inline : value(argv, ++i, name);
                case "--max-mapped" -> maxMapped = ByteSize.parse(inline != null ? inline : value(argv, ++i, name));
                case "--superslab-size" -> superSlabSize = ByteSize.parse(inline != null ? inline : value(argv, ++i, name));
                case "--json" -> json = Path.of(inline != null ? inline : value(argv, ++i, name));
                case "--plot" -> {
                    plot = Path.of(inline != null ? inline : value(argv, ++i, name));
                    String f = plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    if (!f.endsWith(".png") && !f.endsWith(".svg")) {
                        throw new IllegalArgumentException("--plot writes .png or .svg, got '" + plot + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (!compare.isEmpty() && (allocatorGiven || variant != null)) {
            throw new IllegalArgumentException("--compare takes its allocators (and id@variant entries) itself; "
                    + "leave out --allocator and --variant");
        }
        if (variant != null) {
            requireVariant(allocator, variant);
        }
        LarsonArguments larson = help
                ? LarsonArguments.mimallocBenchDefaults(defaultThreads)
                : LarsonArguments.parse(positional, defaultThreads);
        return new Options(larson, allocator, compare, rounds, variant, maxMapped, superSlabSize, json, plot, quiet,
                help);
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return argv[i];
    }

    /** A variant exists only for the reference allocator, and only by an id the catalogue knows. */
    private static void requireVariant(String allocator, String variant) {
        if (!allocator.startsWith("slabproof")) {
            throw new IllegalArgumentException("a variant applies to slabproof or slabproof-drain, not '" + allocator + "'");
        }
        // Throws IllegalArgumentException listing the valid ids.
        KnownBadVariant.fromId(variant);
    }

    private static String requireKnown(String id) {
        if (!Peers.IDS.contains(id)) {
            throw new IllegalArgumentException("unknown allocator '" + id + "'; choose one of " + Peers.IDS);
        }
        return id;
    }
}
