package org.slabproof.larson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slabproof.larson.peer.Peers;
import org.slabproof.variants.KnownBadVariant;

/**
 * The runner's command line: the workload (Larson's seven positional arguments, or xmalloc's
 * options) plus the options around it.
 *
 * @param workload which benchmark runs
 * @param larson Larson's positional arguments (mimalloc-bench's defaults when none are given); unused for xmalloc
 * @param xmalloc xmalloc's settings (mimalloc-bench's defaults for those not given); unused for Larson
 * @param allocator the peer of a single run
 * @param compare the entries of a comparison ({@code id} or {@code id@variant}); empty for a single run
 * @param compareRounds how many times a comparison runs each entry
 * @param variant a known-bad variant for a single run of the reference allocator, or null
 * @param maxMappedBytes the reference allocator's cap on mapped bytes, 0 for its default
 * @param superSlabSize the reference allocator's SuperSlab size, 0 for its default
 * @param json where to write the result as JSON, or null
 * @param plot where to draw the telemetry (.png or .svg), or null
 * @param quiet whether to leave out the progress lines
 * @param soak whether this is the soak: Larson beside the no-op allocator, with the allocator's own share reported
 * @param help whether usage was asked for
 */
public record Options(Workload workload, LarsonArguments larson, XmallocArguments xmalloc, String allocator,
        List<String> compare, int compareRounds, String variant, long maxMappedBytes, long superSlabSize, Path json,
        Path plot, boolean quiet, boolean soak, boolean help) {

    /** The soak's Larson arguments: the seed's {@code 10 8 128 1024 1 12345 4}, for 60 seconds. */
    public static final LarsonArguments SOAK_ARGUMENTS = new LarsonArguments(60, 8, 128, 1024, 1, 12345, 4);
    /** Where the soak draws its chart unless {@code --plot} says otherwise. */
    public static final Path SOAK_PLOT = Path.of("larson-soak.png");

    /** The usage text {@code --help} prints. */
    public static final String USAGE = """
            usage: larson [options] [sleep_seconds min_size max_size chunks_per_thread rounds seed threads]
                   larson --workload xmalloc [options] [--threads N] [--seconds S] [--size B] [--batches N]
                          [--queue-limit N] [--idle S] [--produce-first]   (larson-bench/xmalloc is this)
                   larson --soak [options] [7 Larson arguments]
              With no positional arguments: mimalloc-bench's 5 8 1000 5000 100 4141 <available processors>.
              --allocator ID         slabproof (decrement-at-free), slabproof-drain (decrement-at-drain),
                                     heap (new byte[]), netty (pooled direct ByteBufs), malloc (C malloc via FFM),
                                     noop (no allocator: the harness's ceiling); default: slabproof
              --compare A,B,...      run each entry in its own JVM, alternating, and print medians and ratios
                                     to the first; an entry may name a variant: slabproof@seed-missing-remote-dec
              --rounds-of-compare N  runs of each entry in a comparison (default 3; the soak: 1)
              --variant ID           run a known-bad variant of the reference allocator (e.g. seed-missing-remote-dec)
              --max-mapped SIZE      cap the reference allocator's mapped memory (e.g. 256m); reaching it ends
                                     the run with exit status 3
              --superslab-size SIZE  SuperSlab size of the reference allocator (1m, 2m, 4m)
              --json FILE            write the result (a comparison: every run) as JSON
              --plot FILE            draw SuperSlabs live (and mapped MiB) and RSS over time, .png or .svg
              --quiet                no progress lines
              --help                 this text
            xmalloc (mimalloc-bench's xmalloc-test: producers allocate batches of 4096 blocks, consumers free them):
              --workload xmalloc     run it instead of Larson; no positional arguments
              --threads N            producers, and as many consumers (C's -w; default: available processors)
              --seconds S            time limit of the work phase (C's -t; default 5)
              --size B               block size 1..1024, or -1 for the C program's size mix (C's -s; default 64)
              --batches N            each producer stops after N batches (default 0: at the time limit)
              --queue-limit N        most full batches waiting for a consumer (default 100)
              --idle S               after every block was freed, keep the producers alive and idle for S
                                     seconds while telemetry goes on (default 0: no idle phase)
              --produce-first        consumers start freeing only once every batch was made (needs --batches N
                                     and threads * N <= --queue-limit): the whole allocation is live at once
            soak (the seed's success criteria: 60 s of Larson on 10 8 128 1024 1 12345 4):
              --soak                 Larson (default: the seed's arguments for 60 s) on the allocator (default
                                     slabproof, or --compare's entries) beside noop, each in its own JVM; prints
                                     the allocator's own share of memory and draws larson-soak.png (or --plot)
            exit status: 0 ok, 1 run failed, 2 bad command line, 3 mapped memory cap reached
            """;

    /** Whether this is a comparison (the soak is one) rather than a single run. */
    public boolean isComparison() {
        return !compare.isEmpty();
    }

    /** The workload's arguments as its header line prints them. */
    public String workloadCommandLine() {
        return workload == Workload.XMALLOC ? xmalloc.toCommandLine() : larson.toCommandLine();
    }

    /** The command-line words that give a child JVM the same workload and arguments. */
    public List<String> workloadArguments() {
        List<String> words = new ArrayList<>();
        if (workload == Workload.XMALLOC) {
            words.add("--workload");
            words.add(workload.id());
            words.addAll(xmalloc.toOptions());
        } else {
            words.addAll(List.of(larson.toCommandLine().split(" ")));
        }
        return words;
    }

    /**
     * Parses the command line; positional arguments and options may be mixed.
     *
     * @param defaultThreads the thread count when none is given
     * @throws IllegalArgumentException with a message for the user on any mistake
     */
    public static Options parse(String[] argv, int defaultThreads) {
        Workload workload = Workload.LARSON;
        String allocator = "slabproof";
        boolean allocatorGiven = false;
        List<String> compare = List.of();
        Integer rounds = null;
        String variant = null;
        long maxMapped = 0;
        long superSlabSize = 0;
        Path json = null;
        Path plot = null;
        boolean quiet = false;
        boolean soak = false;
        boolean help = false;
        XmallocArguments x = XmallocArguments.mimallocBenchDefaults(defaultThreads);
        Integer threads = null;
        Double seconds = null;
        Integer size = null;
        Integer batches = null;
        Integer queueLimit = null;
        Double idle = null;
        boolean produceFirst = false;
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
                case "--soak" -> soak = true;
                case "--workload" -> workload = Workload.fromId(inline != null ? inline : value(argv, ++i, name));
                case "--allocator" -> {
                    allocator = requireKnown(inline != null ? inline : value(argv, ++i, name));
                    allocatorGiven = true;
                }
                case "--compare" -> compare = entries(inline != null ? inline : value(argv, ++i, name));
                case "--rounds-of-compare" -> rounds = positiveInt(name, inline != null ? inline : value(argv, ++i, name));
                case "--variant" -> variant = inline != null ? inline : value(argv, ++i, name);
                case "--max-mapped" -> maxMapped = ByteSize.parse(inline != null ? inline : value(argv, ++i, name));
                case "--superslab-size" -> superSlabSize = ByteSize.parse(inline != null ? inline : value(argv, ++i, name));
                case "--json" -> json = Path.of(inline != null ? inline : value(argv, ++i, name));
                case "--plot" -> {
                    plot = Path.of(inline != null ? inline : value(argv, ++i, name));
                    String f = plot.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (!f.endsWith(".png") && !f.endsWith(".svg")) {
                        throw new IllegalArgumentException("--plot writes .png or .svg, got '" + plot + "'");
                    }
                }
                case "--threads" -> threads = integer(name, inline != null ? inline : value(argv, ++i, name));
                case "--seconds" -> seconds = decimal(name, inline != null ? inline : value(argv, ++i, name));
                case "--size" -> size = integer(name, inline != null ? inline : value(argv, ++i, name));
                case "--batches" -> batches = integer(name, inline != null ? inline : value(argv, ++i, name));
                case "--queue-limit" -> queueLimit = integer(name, inline != null ? inline : value(argv, ++i, name));
                case "--idle" -> idle = decimal(name, inline != null ? inline : value(argv, ++i, name));
                case "--produce-first" -> produceFirst = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        boolean xmallocOptionGiven = threads != null || seconds != null || size != null || batches != null
                || queueLimit != null || idle != null || produceFirst;
        if (workload == Workload.XMALLOC) {
            if (!positional.isEmpty()) {
                throw new IllegalArgumentException("xmalloc takes options, not positional arguments: " + positional);
            }
            if (soak) {
                throw new IllegalArgumentException("--soak runs Larson; leave out --workload xmalloc");
            }
            x = new XmallocArguments(threads != null ? threads : x.threads(), seconds != null ? seconds : x.seconds(),
                    size != null ? size : x.size(), batches != null ? batches : x.batches(),
                    queueLimit != null ? queueLimit : x.queueLimit(), idle != null ? idle : x.idleSeconds(),
                    produceFirst);
        } else if (xmallocOptionGiven) {
            throw new IllegalArgumentException("--threads, --seconds, --size, --batches, --queue-limit, --idle and "
                    + "--produce-first are xmalloc's; add --workload xmalloc (Larson takes its seven positional arguments)");
        }
        if (soak) {
            // The soak is a comparison of the allocator with the no-op allocator, the JVM's own baseline.
            List<String> entries = new ArrayList<>(compare.isEmpty()
                    ? List.of(variant == null ? allocator : allocator + "@" + variant) : compare);
            if (!entries.contains("noop")) {
                entries.add("noop");
            }
            if (!compare.isEmpty() && (allocatorGiven || variant != null)) {
                throw new IllegalArgumentException("--soak takes its allocator from --allocator/--variant or from "
                        + "--compare, not both");
            }
            if (variant != null) {
                requireVariant(allocator, variant);
            }
            compare = List.copyOf(entries);
            allocatorGiven = false;
            variant = null;
            rounds = rounds == null ? 1 : rounds;
            plot = plot == null ? SOAK_PLOT : plot;
        }
        if (!compare.isEmpty() && (allocatorGiven || variant != null)) {
            throw new IllegalArgumentException("--compare takes its allocators (and id@variant entries) itself; "
                    + "leave out --allocator and --variant");
        }
        if (variant != null) {
            requireVariant(allocator, variant);
        }
        LarsonArguments larson;
        if (help || workload == Workload.XMALLOC) {
            larson = LarsonArguments.mimallocBenchDefaults(defaultThreads);
        } else if (soak && positional.isEmpty()) {
            larson = SOAK_ARGUMENTS;
        } else {
            larson = LarsonArguments.parse(positional, defaultThreads);
        }
        return new Options(workload, larson, x, allocator, compare, rounds == null ? 3 : rounds, variant, maxMapped,
                superSlabSize, json, plot, quiet, soak, help);
    }

    private static List<String> entries(String list) {
        List<String> entries = new ArrayList<>();
        for (String e : list.split(",")) {
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
        return List.copyOf(entries);
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return argv[i];
    }

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got '" + v + "'", e);
        }
    }

    private static int positiveInt(String option, String v) {
        int n = integer(option, v);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + n);
        }
        return n;
    }

    private static double decimal(String option, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of seconds, got '" + v + "'", e);
        }
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
