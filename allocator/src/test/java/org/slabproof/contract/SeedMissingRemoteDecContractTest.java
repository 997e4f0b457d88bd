package org.slabproof.contract;

import org.junit.jupiter.api.Tag;

/** The contract against the seed's bug: expected to fail (mutation gate). */
@Tag("variant")
class SeedMissingRemoteDecContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "seed-missing-remote-dec";
    }
}
