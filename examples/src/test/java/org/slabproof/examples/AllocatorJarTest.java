package org.slabproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.slabproof.Allocator;

/**
 * What the allocator artifact carries: its own classes and module descriptor, and neither broken
 * protocols nor test metadata (the known-bad variants, the verification engines' list, jcstress
 * or JMH test lists). Reads the jar the build produced (or its classes directory when the build
 * stopped before packaging).
 */
class AllocatorJarTest {
    @Test
    void theAllocatorCarriesNoBrokenProtocolAndNoTestMetadata() throws IOException, URISyntaxException {
        List<String> entries = entries(Path.of(Allocator.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        assertTrue(entries.contains("module-info.class"), "no module descriptor");
        assertTrue(entries.contains("org/slabproof/Allocator.class"));
        for (String e : entries) {
            assertFalse(e.startsWith("org/slabproof/variants/"), "a known-bad variant in the allocator: " + e);
            assertFalse(e.startsWith("org/slabproof/testkit/") || e.contains("Test"), "test code in the allocator: " + e);
            assertFalse(e.matches(".*/(Racy|Seed|KnownBad|DoubleDec|DoubleZero|CheckThen|DecBefore|Engine).*"),
                    "a broken protocol or test metadata in the allocator: " + e);
            assertFalse(e.equals("META-INF/TestList") || e.equals("META-INF/BenchmarkList"), "test metadata: " + e);
        }
    }

    @Test
    void theDescriptorExportsTheApiToAllAndInternalsOnlyToTheVariants() throws IOException, URISyntaxException {
        Path where = Path.of(Allocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d;
        if (Files.isDirectory(where)) {
            try (var in = Files.newInputStream(where.resolve("module-info.class"))) {
                d = ModuleDescriptor.read(in);
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile()); var in = jar.getInputStream(jar.getEntry("module-info.class"))) {
                d = ModuleDescriptor.read(in);
            }
        }
        for (ModuleDescriptor.Exports e : d.exports()) {
            if (e.source().equals("org.slabproof")) {
                assertFalse(e.isQualified(), "the API is for everyone");
            } else {
                assertEquals(java.util.Set.of("org.slabproof.variants"), e.targets(), e.source());
            }
        }
    }

    private static List<String> entries(Path where) throws IOException {
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                return files.filter(Files::isRegularFile).map(p -> where.relativize(p).toString().replace('\\', '/'))
                        .toList();
            }
        }
        try (JarFile jar = new JarFile(where.toFile())) {
            return jar.stream().map(java.util.jar.JarEntry::getName).toList();
        }
    }
}
