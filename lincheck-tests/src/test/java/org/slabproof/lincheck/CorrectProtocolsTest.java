package org.slabproof.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.superslab.RemoteStack;

/**
 * Both accounting policies pass every structure in both strategies: no invariant broken, every
 * result explained by the sequential specification, no touch after release. Each run is bounded
 * by its budget ({@link CheckOptions}) and by a deadline that fails it.
 */
class CorrectProtocolsTest {

    /** Every (structure, policy, strategy); the remote stack once, see {@link #policiesShareOneRemoteStack}. */
    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Structure structure : Structure.values()) {
            for (AccountingPolicy policy : AccountingPolicy.values()) {
                if (structure == Structure.REMOTE_STACK && policy != AccountingPolicy.DECREMENT_AT_FREE) {
                    continue;
                }
                for (CheckOptions.Mode mode : CheckOptions.Mode.values()) {
                    runs.add(Arguments.of(structure, policy.id(), mode));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("runs")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void findsNoViolation(Structure structure, String policy, CheckOptions.Mode mode) {
        Finding finding = LincheckRun.check(structure, policy, mode);
        assertNull(finding, () -> structure.id() + " failed on the correct " + policy + ":\n" + finding.report());
    }

    /**
     * The policies differ in when they count, not in the stack: neither overrides
     * {@code newRemoteStack}, so checking the stack under one policy checks it under both. If a
     * policy ever gets its own stack, this fails and the stack must be run per policy.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void policiesShareOneRemoteStack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(64);
            for (AccountingPolicy policy : AccountingPolicy.values()) {
                assertEquals(RemoteStack.class, FreeProtocol.of(policy).newRemoteStack(memory, memory.address()).getClass(),
                        policy.id());
            }
        }
    }
}
