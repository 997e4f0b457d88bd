package org.slabproof.lincheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 * The teeth: every known-bad variant fails model checking on each structure it targets, and the
 * failure report (scenario, results and the interleaving with source lines) is kept in
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
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void catches(KnownBadVariant variant, Structure structure) throws IOException {
        String report = LincheckRun.violation(structure, variant.id(), CheckOptions.Mode.MODEL_CHECKING);
        assertNotNull(report, structure.id() + " did not catch " + variant.id() + " (" + variant.defect() + ")");
        Files.writeString(REPORTS.resolve(variant.id() + ".txt"),
                "== " + variant.id() + " caught by " + structure.id() + " (model checking) ==\n" + report + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The catalogue says Lincheck must catch these; each must be some structure's target. */
    @Test
    void everyVariantForLincheckIsTargeted() {
        for (KnownBadVariant variant : KnownBadVariant.values()) {
            if (variant.expectedEngines().contains(Engine.LINCHECK)) {
                assertFalse(targets().noneMatch(pair -> pair.get()[0] == variant),
                        variant.id() + " is expected of Lincheck but no structure targets it");
            }
        }
    }
}
