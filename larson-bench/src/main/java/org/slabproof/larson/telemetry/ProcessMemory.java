package org.slabproof.larson.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory as the kernel reports it in {@code /proc/self/status}: the
 * current resident set ({@code VmRSS}) and its high-water mark ({@code VmHWM}), which catches
 * peaks between two samples.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Current resident set in bytes, or -1 where {@code /proc/self/status} is not available. */
    public static long rssBytes() {
        return field("VmRSS:");
    }

    /** Peak resident set of this process in bytes, or -1 where not available. */
    public static long peakRssBytes() {
        return field("VmHWM:");
    }

    /** Reads a {@code kB} line of the status file; package-private for tests. */
    static long parseKiloBytes(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String value = line.substring(name.length()).trim();
                int space = value.indexOf(' ');
                long kib = Long.parseLong(space < 0 ? value : value.substring(0, space));
                return kib * 1024;
            }
        }
        return -1;
    }

    private static long field(String name) {
        try {
            return parseKiloBytes(Files.readString(STATUS), name);
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc not mounted: telemetry degrades to "unknown" rather than failing the run.
            return -1;
        }
    }
}
