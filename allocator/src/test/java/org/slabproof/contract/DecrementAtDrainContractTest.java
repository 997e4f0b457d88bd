package org.slabproof.contract;

import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.FreeProtocol;

/** The contract under decrement-at-drain. */
class DecrementAtDrainContractTest extends AllocatorContract {
    @Override
    protected FreeProtocol protocol() {
        return FreeProtocol.of(AccountingPolicy.DECREMENT_AT_DRAIN);
    }
}
