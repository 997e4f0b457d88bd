package org.slabproof.contract;

import org.junit.jupiter.api.Tag;

/** The contract against check-then-release (JUnit is not its expected engine; the gate records what it sees). */
@Tag("variant")
class CheckThenReleaseContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "check-then-release";
    }
}
