package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against reap-live-owner (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class ReapLiveOwnerContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.REAP_LIVE_OWNER.protocol();
    }
}
