package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against check-then-release (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class CheckThenReleaseContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.CHECK_THEN_RELEASE.protocol();
    }
}
