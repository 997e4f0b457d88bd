package org.slabproof.contract;

import org.junit.jupiter.api.Tag;

/** The contract against dec-before-publish (JUnit is not its expected engine; the gate records what it sees). */
@Tag("variant")
class DecBeforePublishContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "dec-before-publish";
    }
}
