package org.slabproof.variants;

import org.junit.jupiter.api.Tag;
import org.slabproof.contract.AllocatorContract;
import org.slabproof.superslab.FreeProtocol;

/** The whole-allocator contract against double-credit-return (tagged: run by the mutation gate, which expects it to fail). */
@Tag("variant")
class DoubleCreditReturnContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return KnownBadVariant.DOUBLE_CREDIT_RETURN.protocol();
    }
}
