package org.slabproof.larson.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slabproof.AllocatorStats;
import org.slabproof.larson.peer.Peer;

/** Takes and keeps {@link Sample}s of a running peer: its SuperSlab counters, if any, and the process RSS. */
public final class TelemetryRecorder {
    private final Peer peer;
    private final LongSupplier mallocs;
    private final List<Sample> samples = new ArrayList<>();

    /** Records samples of {@code peer}, counting worker mallocs with {@code mallocs}. */
    public TelemetryRecorder(Peer peer, LongSupplier mallocs) {
        this.peer = peer;
        this.mallocs = mallocs;
    }

    /** Takes a sample at {@code seconds} into the run, keeps it and returns it. */
    public Sample sample(double seconds) {
        long ops = mallocs.getAsLong();
        AllocatorStats s = peer.allocatorStats().orElse(null);
        Sample sample = s == null
                ? new Sample(seconds, ops, -1, -1, -1, -1, ProcessMemory.rssBytes())
                : new Sample(seconds, ops, s.superSlabsLive(), s.superSlabsAllocated(), s.superSlabsFreed(),
                        s.mappedBytes(), ProcessMemory.rssBytes());
        samples.add(sample);
        return sample;
    }

    /** Every sample taken so far, oldest first. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }
}
