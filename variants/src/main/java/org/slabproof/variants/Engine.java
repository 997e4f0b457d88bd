package org.slabproof.variants;

/** A verification engine of the project, as named in the mutation gate's table. */
public enum Engine {
    /** JUnit allocator tests (module allocator): whole-allocator scenarios, leaks, invariants. */
    JUNIT,
    /** jcstress (module jcstress-tests): real hardware and the Java Memory Model. */
    JCSTRESS,
    /** Lincheck (module lincheck-tests): model checking and stress, sequentially consistent. */
    LINCHECK,
    /** A short, capped Larson run (module larson-bench): leaks show as the cap being hit. */
    LARSON,
    /** vmlens (module proofs): every interleaving of the two-thread cells, and JMM data races. */
    VMLENS;

    /** Lower-case name used by the gate scripts. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
