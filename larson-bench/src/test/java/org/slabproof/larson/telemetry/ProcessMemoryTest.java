package org.slabproof.larson.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading RSS from /proc/self/status. */
class ProcessMemoryTest {

    @Test
    void parsesKilobyteLines() {
        String status = "Name:\tjava\nVmHWM:\t  123456 kB\nVmRSS:\t   98765 kB\nThreads:\t12\n";
        assertEquals(98765L * 1024, ProcessMemory.parseKiloBytes(status, "VmRSS:"));
        assertEquals(123456L * 1024, ProcessMemory.parseKiloBytes(status, "VmHWM:"));
        assertEquals(-1, ProcessMemory.parseKiloBytes(status, "VmSwap:"));
    }

    @Test
    void liveReadingsAreConsistentOnLinux() {
        long rss = ProcessMemory.rssBytes();
        long peak = ProcessMemory.peakRssBytes();
        if (rss >= 0) {
            assertTrue(rss > 0 && peak >= rss, "rss " + rss + " peak " + peak);
        }
    }
}
