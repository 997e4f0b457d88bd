package org.slabproof.contract;

import org.junit.jupiter.api.Tag;

/** The contract against racy-drain (JUnit is not its expected engine; the gate records what it sees). */
@Tag("variant")
class RacyDrainContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "racy-drain";
    }
}
