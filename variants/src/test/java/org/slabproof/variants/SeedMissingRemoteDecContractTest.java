package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against seed-missing-remote-dec (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class SeedMissingRemoteDecContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.SEED_MISSING_REMOTE_DEC.protocol();
    }
}
