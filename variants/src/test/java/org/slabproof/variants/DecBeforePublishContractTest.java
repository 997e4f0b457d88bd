package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against dec-before-publish (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class DecBeforePublishContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.DEC_BEFORE_PUBLISH.protocol();
    }
}
