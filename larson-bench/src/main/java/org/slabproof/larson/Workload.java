package org.slabproof.larson;

/** The benchmarks the runner knows; the id is what {@code --workload} takes and what JSON records. */
public enum Workload {
    /** mimalloc-bench's larson: random replacements in per-thread slices handed to successor threads. */
    LARSON("larson"),
    /** mimalloc-bench's xmalloc-test: producers allocate batches that consumers free, every free remote. */
    XMALLOC("xmalloc");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    /** The command-line and JSON id. */
    public String id() {
        return id;
    }

    /** The workload whose {@link #id()} is {@code id}. */
    public static Workload fromId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; choose larson or xmalloc");
    }
}
