package org.slabproof.contract;

import org.junit.jupiter.api.Tag;

/** The contract against double-zero (JUnit is not its expected engine; the gate records what it sees). */
@Tag("variant")
class DoubleZeroContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "double-zero";
    }
}
