package org.slabproof.contract;


/** The contract under decrement-at-free (the default). */

class DecrementAtFreeContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "decrement-at-free";
    }
}
