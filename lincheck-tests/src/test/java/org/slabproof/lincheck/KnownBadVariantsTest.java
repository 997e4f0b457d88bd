package org.slabproof.lincheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slabproof.variants.Engine;
import org.slabproof.variants.KnownBadVariant;

/**
 * The teeth: every known-bad variant fails model checking on each structure that targets it, and
 * the failure names one of the invariants the variant breaks (a crash, a timeout or an exception
 * that stands for no invariant is not a catch). The report (scenario, results, the interleaving
 * with source lines, and the invariants named) is kept in
 * {@code target/lincheck-reports/<variant>.txt}, one section per structure.
 */
class KnownBadVariantsTest {
    private static final Path REPORTS = Path.of(System.getProperty("lincheck.reports", "target/lincheck-reports"));

    @BeforeAll
    static void startWithNoReports() throws IOException {
        if (Files.isDirectory(REPORTS)) {
            try (Stream<Path> files = Files.walk(REPORTS)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(REPORTS);
    }

    /** Every (variant, structure that targets it). */
    static Stream<Arguments> targets() {
        List<Arguments> pairs = new ArrayList<>();
        for (KnownBadVariant variant : KnownBadVariant.values()) {
            for (Structure structure : Structure.values()) {
                if (structure.targets().contains(variant)) {
                    pairs.add(Arguments.of(variant, structure));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{1} catches {0}")
    @MethodSource("targets")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void catches(KnownBadVariant variant, Structure structure) throws IOException {
        Finding finding = LincheckRun.check(structure, variant.id(), CheckOptions.Mode.MODEL_CHECKING);
        assertNotNull(finding, structure.id() + " did not catch " + variant.id() + " (" + variant.defect() + ")");
        Files.writeString(REPORTS.resolve(variant.id() + ".txt"),
                "== " + variant.id() + " caught by " + structure.id() + " (model checking), invariants named: "
                        + finding.invariantList() + " ==\n" + finding.report() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertTrue(!Collections.disjoint(finding.invariants(), variant.breaks()), structure.id() + " failed on "
                + variant.id() + " naming " + finding.invariantList() + ", not one of " + variant.breaks()
                + ": not a catch (report in " + REPORTS.resolve(variant.id() + ".txt") + ")");
    }

    /** The catalogue says Lincheck must catch these; each must be some structure's target. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void everyVariantForLincheckIsTargeted() {
        for (KnownBadVariant variant : KnownBadVariant.values()) {
            if (variant.expectedEngines().contains(Engine.LINCHECK)) {
                assertFalse(targets().noneMatch(pair -> pair.get()[0] == variant),
                        variant.id() + " is expected of Lincheck but no structure targets it");
            }
        }
    }
}
