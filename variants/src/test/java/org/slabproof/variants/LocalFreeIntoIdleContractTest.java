package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against local-free-into-idle (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class LocalFreeIntoIdleContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.LOCAL_FREE_INTO_IDLE.protocol();
    }
}
