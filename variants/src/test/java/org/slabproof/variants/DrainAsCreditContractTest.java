package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against drain-as-credit (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class DrainAsCreditContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.DRAIN_AS_CREDIT.protocol();
    }
}
