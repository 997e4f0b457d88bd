package org.slabproof.jcstress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;
import org.slabproof.AccountingPolicy;
import org.slabproof.testkit.cells.Cells;
import org.slabproof.variants.KnownBadVariant;
import org.slabproof.variants.ProtocolCatalog;

/**
 * The matrix's test classes and the variant catalogue agree, so that nothing generated at run time
 * could disagree with either: every cell has its test class with both correct policies; every
 * cell a variant lists has a nested class for it, and every nested variant class is listed by its
 * variant; each variant is graded by the table of the policy it is built on; and every table has
 * the shape the gate relies on (a reason on every row, FORBIDDEN rows that name their invariant,
 * a row per invariant token, a catch-all FORBIDDEN row that names none).
 *
 * <p>It reads the tests as jcstress does, from the jar's {@code META-INF/TestList} through
 * {@link TestList}: the annotations are not kept at run time, and a {@code @JCStressMeta} table is
 * merged into its test there.
 */
class MatrixCatalogueTest {
    private static final String PACKAGE = "org.slabproof.jcstress.";
    private static final Pattern NAMES_INVARIANT = Pattern.compile("^I[1-6](, I[1-6])*: .+");
    /** The row that grades every outcome carrying an invariant's token: {@code .*\bI4\b.*}. */
    private static final Pattern TOKEN_ROW = Pattern.compile("\\.\\*\\\\b(I[1-6])\\\\b\\.\\*");
    private static final List<String> POLICIES = List.of(className(AccountingPolicy.DECREMENT_AT_FREE.id()),
            className(AccountingPolicy.DECREMENT_AT_DRAIN.id()));

    /** The test class of a cell: {@code Matrix_NN_Name}, NN its place in {@link Cells}, Name its id. */
    static String testClassOf(Cells cell) {
        return PACKAGE + String.format(Locale.ROOT, "Matrix_%02d_%s", cell.ordinal() + 1, className(cell.id()));
    }

    /** {@code racy-push} -> {@code RacyPush}: the inverse of {@link CellTest#protocolId}. */
    static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    /** Nested test classes by outer class, from the jar's test list. */
    private static Map<String, Set<String>> nestedByOuter() {
        Map<String, Set<String>> nested = new TreeMap<>();
        for (String name : TestList.tests()) {
            int dot = name.lastIndexOf('.');
            nested.computeIfAbsent(name.substring(0, dot), k -> new TreeSet<>()).add(name.substring(dot + 1));
        }
        return nested;
    }

    @Test
    void everyCellHasItsTestClassWithBothPolicies() {
        Map<String, Set<String>> nested = nestedByOuter();
        Set<String> expected = new TreeSet<>();
        for (Cells cell : Cells.values()) {
            String outer = testClassOf(cell);
            expected.add(outer);
            assertTrue(nested.containsKey(outer), "no test class " + outer + " for cell " + cell.id());
            assertTrue(nested.get(outer).containsAll(POLICIES), outer + " lacks a correct policy: " + nested.get(outer));
        }
        assertEquals(expected, nested.keySet(), "test classes that are no cell of the matrix");
    }

    @Test
    void classNamesAndProtocolIdsMapOneToOne() {
        for (String id : ProtocolCatalog.ids()) {
            assertEquals(id, CellTest.protocolId(className(id)));
        }
    }

    @Test
    void everyCellAVariantListsHasItsNestedClass() {
        Map<String, Set<String>> nested = nestedByOuter();
        for (KnownBadVariant v : KnownBadVariant.values()) {
            for (String cellId : v.cells()) {
                String outer = testClassOf(Cells.fromId(cellId));
                assertTrue(nested.getOrDefault(outer, Set.of()).contains(className(v.id())),
                        v.id() + " lists cell " + cellId + ", but " + outer + " has no nested class " + className(v.id()));
            }
        }
    }

    @Test
    void everyNestedVariantClassIsListedByItsVariant() {
        for (Map.Entry<String, Set<String>> e : nestedByOuter().entrySet()) {
            Cells cell = cellOf(e.getKey());
            for (String simple : e.getValue()) {
                if (POLICIES.contains(simple)) {
                    continue;
                }
                KnownBadVariant v = KnownBadVariant.fromId(CellTest.protocolId(simple));
                assertTrue(v.cells().contains(cell.id()), e.getKey() + "." + simple + " runs " + v.id()
                        + ", whose cells() do not list " + cell.id() + ": " + v.cells());
            }
        }
    }

    @Test
    void aVariantIsGradedByThePolicyItIsBuiltOn() {
        for (KnownBadVariant v : KnownBadVariant.values()) {
            String policy = className(v.protocol().policy().id());
            for (String cellId : v.cells()) {
                String outer = testClassOf(Cells.fromId(cellId));
                TestInfo variant = TestList.getInfo(outer + "." + className(v.id()));
                TestInfo graded = TestList.getInfo(outer + "." + policy);
                assertEquals(rows(graded), rows(variant), variant.name() + " is not graded by " + policy + "'s table");
            }
        }
    }

    @Test
    void everyTableHasTheShapeTheGateReliesOn() {
        List<String> problems = new ArrayList<>();
        for (Cells cell : Cells.values()) {
            for (String policy : POLICIES) {
                TestInfo t = TestList.getInfo(testClassOf(cell) + "." + policy);
                Set<String> tokens = new TreeSet<>();
                for (StateCase row : t.cases()) {
                    String desc = row.description() == null ? "" : row.description();
                    if (desc.isBlank()) {
                        problems.add(t.name() + ": row " + row.matchPattern() + " gives no reason");
                    }
                    if (row.expect() == Expect.FORBIDDEN && !NAMES_INVARIANT.matcher(desc).matches()) {
                        problems.add(t.name() + ": FORBIDDEN row " + row.matchPattern() + " names no invariant: " + desc);
                    }
                    if (row.expect() == Expect.ACCEPTABLE && row.matchPattern().matches(".*\\bI[1-6]\\b.*")) {
                        problems.add(t.name() + ": ACCEPTABLE row " + row.matchPattern() + " carries an invariant token");
                    }
                    Matcher token = TOKEN_ROW.matcher(row.matchPattern());
                    if (token.matches()) {
                        tokens.add(token.group(1));
                        if (row.expect() != Expect.FORBIDDEN || !desc.startsWith(token.group(1) + ": ")) {
                            problems.add(t.name() + ": the row for token " + token.group(1) + " must be FORBIDDEN and name it");
                        }
                    }
                }
                if (!tokens.equals(Set.of("I1", "I2", "I3", "I4", "I5", "I6"))) {
                    problems.add(t.name() + ": rows for invariant tokens " + tokens + ", not I1..I6");
                }
                StateCase catchAll = t.unmatched();
                if (catchAll.expect() != Expect.FORBIDDEN || catchAll.description().isBlank()
                        || catchAll.description().matches("^I[1-6]\\b.*")) {
                    problems.add(t.name() + ": the catch-all row must be FORBIDDEN, give a reason and name no invariant");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static Cells cellOf(String outer) {
        for (Cells c : Cells.values()) {
            if (testClassOf(c).equals(outer)) {
                return c;
            }
        }
        throw new AssertionError(outer + " is no cell's test class");
    }

    private static List<String> rows(TestInfo info) {
        List<String> rows = new ArrayList<>();
        info.cases().forEach(c -> rows.add(c.expect() + " " + c.matchPattern() + " " + c.description()));
        rows.add("catch-all " + info.unmatched().expect() + " " + info.unmatched().description());
        return rows;
    }
}
