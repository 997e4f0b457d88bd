package org.slabproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.management.ObjectName;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.slabproof.testkit.Threads;

/** Counters as one snapshot, the same through JMX, and JFR events for map and release. */
class ObservabilityTest {
    @Test
    void countersTellWhatHappened() {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().policy(AccountingPolicy.DECREMENT_AT_DRAIN)
                .trimInterval(Duration.ZERO).build())) {
            long local = a.malloc(24);
            a.free(local);
            long[] remote = {a.malloc(24), a.malloc(24), a.malloc(24)};
            Threads.runOnNewThread(() -> {
                for (long b : remote) {
                    a.free(b);
                }
            });
            assertEquals(3, a.stats().activeBlocks(), "decrement-at-drain: pending until drained");
            for (int i = 0; i < 4096; i++) {             // exhaust the slab so that the slow path drains
                a.malloc(24);
            }
            AllocatorStats s = a.stats();
            assertEquals(1 + 3 + 4096, s.mallocs());
            assertEquals(3, s.slowMallocs(), "the first malloc, the drain of the exhausted slab, the fresh slab after it");
            assertEquals(1, s.localFrees());
            assertEquals(3, s.remoteFrees());
            assertEquals(1, s.drains());
            assertEquals(3, s.drainedBlocks());
            assertEquals(4096, s.activeBlocks());
            assertEquals(1, s.superSlabsLive());
            assertEquals(2L << 20, s.mappedBytes());
        }
    }

    @Test
    void theMXBeanReadsTheSameCounters() throws Exception {
        try (Allocator a = Allocator.create(AllocatorConfig.builder().trimInterval(Duration.ZERO).build())) {
            ObjectName name = a.registerMBean();
            long p = a.malloc(8);
            var server = ManagementFactory.getPlatformMBeanServer();
            assertEquals(1L, server.getAttribute(name, "SuperSlabsLive"));
            assertEquals(1L, server.getAttribute(name, "ActiveBlocks"));
            assertEquals(1L, server.getAttribute(name, "Mallocs"));
            assertEquals(1L, server.getAttribute(name, "SlowMallocs"), "the first malloc has no current slab");
            a.free(p);
            assertEquals(0L, server.getAttribute(name, "ActiveBlocks"));
        }
    }

    @Test
    void superSlabMapAndReleaseAreJfrEvents() throws Exception {
        Path file = Files.createTempFile("slabproof", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("org.slabproof.SuperSlabMapped");
            recording.enable("org.slabproof.SuperSlabReleased");
            recording.start();
            try (Allocator a = Allocator.create(AllocatorConfig.builder().trimInterval(Duration.ZERO).emptyReserve(0)
                    .build())) {
                a.free(a.malloc(8));
                a.currentHeap().close();
            }
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        assertEquals(1, events.stream().filter(e -> e.getEventType().getName().endsWith("SuperSlabMapped")).count());
        RecordedEvent released = events.stream()
                .filter(e -> e.getEventType().getName().endsWith("SuperSlabReleased")).findFirst().orElseThrow();
        assertEquals(2L << 20, released.getLong("size"));
        assertTrue(!released.getBoolean("toReserve"));
    }
}
