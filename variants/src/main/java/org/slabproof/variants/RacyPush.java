package org.slabproof.variants;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.slabproof.superslab.DecrementAtFree;
import org.slabproof.superslab.RemoteStack;

/**
 * Remote push by a plain read of the head and a plain write of the new head, no CAS. Two
 * concurrent pushes can both link to the same old head; one of them is lost (I2). The head is a
 * plain field of the broken stack (as in C), so the race is also a Java Memory Model data race.
 * Only the push is broken: the take-all is still one atomic exchange.
 */
public final class RacyPush extends DecrementAtFree {
    @Override
    public String id() {
        return KnownBadVariant.RACY_PUSH.id();
    }

    @Override
    public RemoteStack newRemoteStack(MemorySegment memory, long base) {
        return new PlainHeadStack(memory, base);
    }

    /** A remote stack whose push does not use an atomic step. */
    private static final class PlainHeadStack extends RemoteStack {
        private long plainHead;                         // BUG: written by pushers with plain accesses

        PlainHeadStack(MemorySegment memory, long base) {
            super(memory, base);
        }

        @Override
        public void push(long block) {
            countCell().getAndAdd(1);
            long top = plainHead;                       // BUG: plain read ...
            setLink(block, top);
            plainHead = block;                          // ... then plain write
        }

        @Override
        public long takeAll() {
            return (long) PLAIN_HEAD.getAndSet(this, 0L);   // the drain itself stays atomic
        }

        @Override
        public boolean isEmpty() {
            return (long) PLAIN_HEAD.getVolatile(this) == 0L;
        }

        @Override
        public long peekHead() {
            return (long) PLAIN_HEAD.getVolatile(this);
        }

        private static final VarHandle PLAIN_HEAD;

        static {
            try {
                PLAIN_HEAD = MethodHandles.lookup().findVarHandle(PlainHeadStack.class, "plainHead", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
