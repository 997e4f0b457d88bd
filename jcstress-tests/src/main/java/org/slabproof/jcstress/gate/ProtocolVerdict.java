package org.slabproof.jcstress.gate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One protocol's verdict across the tests that run it, so that one jcstress run over several
 * known-bad variants answers for each: FAILED (caught) if any of its tests failed, and the
 * invariants its failing tests named.
 *
 * @param id         the protocol id ({@code racy-push})
 * @param verdict    the highest-precedence verdict of its tests (see {@link Verdict})
 * @param invariants the invariants named by the FORBIDDEN rows its tests hit
 */
record ProtocolVerdict(String id, Verdict verdict, SortedSet<String> invariants) {

    /** One verdict per protocol that has a test in {@code tests}, by id. */
    static List<ProtocolVerdict> of(List<TestReport> tests) {
        Map<String, List<TestReport>> byId = tests.stream().collect(
                Collectors.groupingBy(TestReport::protocol, TreeMap::new, Collectors.toList()));
        return byId.entrySet().stream().map(e -> new ProtocolVerdict(e.getKey(),
                e.getValue().stream().map(TestReport::verdict).max(Comparator.naturalOrder()).orElseThrow(),
                e.getValue().stream().flatMap(t -> t.invariants().stream())
                        .collect(Collectors.toCollection(TreeSet::new)))).toList();
    }

    /** {@code id<TAB>verdict<TAB>invariants}, the invariants comma-separated or {@code -} if none. */
    String line() {
        return id + '\t' + verdict.label() + '\t' + (invariants.isEmpty() ? "-" : String.join(",", invariants));
    }
}
