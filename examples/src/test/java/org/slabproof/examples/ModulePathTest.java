package org.slabproof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Set;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.slabproof.Allocator;
import org.slabproof.ForeignAddressException;
import org.slabproof.InvalidSizeException;

/**
 * A user on the module path sees the allocator as the named module {@code org.slabproof}, which
 * exports its API package and nothing else; the API works there, JMX included; the internals stay
 * out of reach, even reflectively.
 */
class ModulePathTest {
    private static final Module ALLOCATOR = Allocator.class.getModule();

    @Test
    void bothSidesAreNamedModules() {
        assertTrue(ALLOCATOR.isNamed(), "the allocator must be loaded as a module here");
        assertEquals("org.slabproof", ALLOCATOR.getName());
        assertEquals("org.slabproof.examples", getClass().getModule().getName());
    }

    @Test
    void onlyTheApiPackageIsExported() {
        Module me = getClass().getModule();
        assertEquals(Set.of("org.slabproof"), ALLOCATOR.getPackages().stream()
                .filter(p -> ALLOCATOR.isExported(p, me)).collect(java.util.stream.Collectors.toSet()));
        for (String internal : new String[] {"org.slabproof.superslab", "org.slabproof.heap", "org.slabproof.pool",
            "org.slabproof.trim", "org.slabproof.internal", "org.slabproof.memory", "org.slabproof.stats"}) {
            assertTrue(ALLOCATOR.getPackages().contains(internal), internal);
            assertFalse(ALLOCATOR.isExported(internal), internal + " must not be exported to everyone");
        }
    }

    @Test
    void internalsAreOutOfReachEvenReflectively() throws Exception {
        Class<?> access = Class.forName("org.slabproof.internal.AllocatorAccess");
        Method create = access.getMethod("liveSuperSlabs", Allocator.class);
        try (Allocator a = Allocator.createDefault()) {
            assertThrows(IllegalAccessException.class, () -> create.invoke(null, a));
        }
    }

    @Test
    void theApiWorksOnTheModulePath() throws Exception {
        try (Allocator a = Allocator.createDefault()) {
            long p = a.malloc(24);
            ObjectName name = a.registerMBean();
            assertEquals(1L, ManagementFactory.getPlatformMBeanServer().getAttribute(name, "ActiveBlocks"));
            a.free(p);
            assertThrows(InvalidSizeException.class, () -> a.malloc(0));
            assertThrows(ForeignAddressException.class, () -> a.free(8));
            assertEquals(0, a.stats().activeBlocks());
        }
    }
}
