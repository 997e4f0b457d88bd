package org.slabproof.contract;

import org.junit.jupiter.api.Tag;

/** The contract against double-dec: expected to fail (mutation gate). */
@Tag("variant")
class DoubleDecContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "double-dec";
    }
}
