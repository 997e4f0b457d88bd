package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against adopt-without-claim (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class AdoptWithoutClaimContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.ADOPT_WITHOUT_CLAIM.protocol();
    }
}
