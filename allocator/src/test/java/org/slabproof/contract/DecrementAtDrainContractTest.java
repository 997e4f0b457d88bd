package org.slabproof.contract;


/** The contract under decrement-at-drain. */

class DecrementAtDrainContractTest extends AllocatorContract {
    @Override
    protected String protocolId() {
        return "decrement-at-drain";
    }
}
