/**
 * The interleaving matrix of the free protocol under the Java Memory Model: one jcstress test
 * class per cell of {@link org.slabproof.testkit.cells.Cells} ({@code Matrix_NN_Name}, NN in the
 * enum's order), each a thin wrapper around the test kit's cell, which runs the allocator's own
 * steps (real heaps, the real trimmer, over a {@link org.slabproof.testkit.TinyWorld}); nothing is
 * re-implemented here.
 *
 * <h2>Layout of a test class</h2>
 * The outer class ({@link org.slabproof.jcstress.CellTest}'s subclass) builds one fresh cell per
 * sample, running the protocol the nested class is named after. Each nested class is one jcstress
 * test: {@code DecrementAtFree} and {@code DecrementAtDrain}, the correct policies, each with its
 * own outcome table, and one class per known-bad variant whose
 * {@link org.slabproof.variants.KnownBadVariant#cells()} lists the cell ({@code RacyPush},
 * {@code SkipRecheck}, ...). A variant has no table of its own: it is graded through
 * {@code @JCStressMeta} by the table of the policy it is built on, so no variant can mark its own
 * bug acceptable. {@code MatrixCatalogueTest} checks that the classes and the catalogue agree.
 *
 * <h2>Outcomes</h2>
 * Two actors, {@code first} and {@code second}, report what the cell's steps returned (r1, r2:
 * {@code remote}, {@code zero} (a remote free that made the count zero), {@code released} (and
 * released the SuperSlab), {@code got b2} (the block a malloc got, by index), {@code trim 1} (the
 * SuperSlabs a trim pass's sweep released), {@code adopted}, ...), the arbiter what the quiescent
 * check found (r3: {@code ok} or the broken invariant's name). A step that fails with an error standing for an invariant reports its name
 * ({@code I4}). ACCEPTABLE rows list every outcome the correct policy allows, each with its
 * reason; FORBIDDEN rows start their description with the invariant they stand for
 * ({@code "I4: ..."}): one row per invariant token, plus rows for wrong outcomes that carry no
 * token; a catch-all FORBIDDEN row, naming no invariant, grades anything else.
 *
 * <h2>Running</h2>
 * At most two actors plus an arbiter per test: on a 2-CPU machine jcstress skips tests with more
 * actors than CPUs. The forked JVMs need {@code --enable-native-access=ALL-UNNAMED}.
 * {@code ci/jcstress-gate} builds {@code target/jcstress.jar}, runs the correct policies (or, with
 * {@code --protocol <ids>}, the nested classes of those variants), and grades the run with
 * {@link org.slabproof.jcstress.gate.GateReport}.
 */
package org.slabproof.jcstress;
