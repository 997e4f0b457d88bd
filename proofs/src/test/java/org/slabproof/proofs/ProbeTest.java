package org.slabproof.proofs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import com.vmlens.api.AllInterleavings;
import com.vmlens.api.AllInterleavingsBuilder;
import org.junit.jupiter.api.Test;

class ProbeTest {
    static final class Box {
        volatile long v;
        long plain;
        static final VarHandle V;
        static final AtomicLongFieldUpdater<Box> U = AtomicLongFieldUpdater.newUpdater(Box.class, "v");
        static {
            try { V = MethodHandles.lookup().findVarHandle(Box.class, "v", long.class); }
            catch (ReflectiveOperationException e) { throw new Error(e); }
        }
    }

    interface Op { void run(Box b, AtomicLong a); }

    static void probe(String name, Op op) throws Exception {
        int n = 0;
        java.util.Map<Long, Integer> outcomes = new java.util.TreeMap<>();
        try (AllInterleavings all = new AllInterleavingsBuilder().withMaximumIterations(500).build("probe." + name)) {
            while (all.hasNext()) {
                n++;
                Box b = new Box();
                AtomicLong a = new AtomicLong();
                Thread t = new Thread(() -> op.run(b, a));
                t.start();
                op.run(b, a);
                t.join();
                outcomes.merge(b.v + a.get() + b.plain, 1, Integer::sum);
            }
        }
        System.out.println("PROBE " + name + " iterations=" + n + " outcomes=" + outcomes);
    }

    static final class IBox { volatile int i; static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<IBox> IU =
        java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(IBox.class, "i"); }
    @Test void intUpdaterRacy() throws Exception {
        IBox ib = new IBox();
        probe("intUpdaterCasLoop", (b, a) -> { int x; do { x = IBox.IU.get(ib); } while (!IBox.IU.compareAndSet(ib, x, x + 1)); });
    }
    @Test void atomicCasLoop() throws Exception {
        probe("atomicCasLoop", (b, a) -> { long x; do { x = a.get(); } while (!a.compareAndSet(x, x + 1)); });
    }
    @Test void atomicGetAndAdd() throws Exception {
        probe("atomicGetAndAdd", (b, a) -> { a.getAndAdd(1); a.getAndSet(a.get()); });
    }
    @Test void atomicPlainRacy() throws Exception {
        probe("atomicPlainRacy", (b, a) -> { long x = a.getPlain(); a.setPlain(x + 1); });
    }
    @Test void ffmRace() throws Exception {
        java.lang.foreign.MemorySegment m = java.lang.foreign.Arena.ofAuto().allocate(8);
        probe("ffmRace", (b, a) -> { long x = m.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0); m.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, x + 1); a.incrementAndGet(); });
    }
    @Test void vhCas() throws Exception {
        probe("vhCas", (b, a) -> { long x; do { x = (long) Box.V.getVolatile(b); } while (!Box.V.compareAndSet(b, x, x + 1)); });
    }
    @Test void vhRacy() throws Exception {
        probe("vhRacy", (b, a) -> { long x = (long) Box.V.getVolatile(b); Box.V.setVolatile(b, x + 1); });
    }
    @Test void updaterCas() throws Exception {
        probe("updaterCas", (b, a) -> { long x; do { x = Box.U.get(b); } while (!Box.U.compareAndSet(b, x, x + 1)); });
    }
    @Test void volatileRacy() throws Exception {
        probe("volatileRacy", (b, a) -> { long x = b.v; b.v = x + 1; });
    }
    @Test void atomicRacy() throws Exception {
        probe("atomicRacy", (b, a) -> { long x = a.get(); a.set(x + 1); });
    }
    void plainRace() throws Exception {
        probe("plainRace", (b, a) -> { b.plain++; });
    }
}
