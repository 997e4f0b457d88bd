package org.slabproof.proofs;

import java.util.function.Function;

/**
 * The two-thread cells of the protocol matrix (issue 7), each a small {@link Cell} class. The
 * order is the order of the proof table.
 */
enum Cells {
    /** See {@link PushPush}. */
    PUSH_PUSH("push-push", "remote push x remote push", PushPush::new),
    /** See {@link PushDrain}. */
    PUSH_DRAIN("push-drain", "remote push x drain", PushDrain::new),
    /** See {@link RemoteFreeLocalFreeLast}. */
    REMOTE_FREE_LOCAL_FREE_LAST("remote-free-local-free-last", "remote free x local free of the last blocks",
            RemoteFreeLocalFreeLast::new),
    /** See {@link RemoteFreeAllocate}. */
    REMOTE_FREE_ALLOCATE("remote-free-allocate", "remote free x allocation", RemoteFreeAllocate::new),
    /** See {@link LastRemoteFreeRelease}. */
    LAST_REMOTE_FREE_RELEASE("last-remote-free-release", "last remote free x release", LastRemoteFreeRelease::new),
    /** See {@link AllocateReclaim}. */
    ALLOCATE_RECLAIM("allocate-reclaim", "allocation x release attempt", AllocateReclaim::new),
    /** See {@link AdoptTrim}. */
    ADOPT_TRIM("adopt-trim", "adoption x trim", AdoptTrim::new),
    /** See {@link AdoptAdopt}. */
    ADOPT_ADOPT("adopt-adopt", "adoption x adoption", AdoptAdopt::new),
    /** See {@link RemoteFreeOwnerExit}. */
    REMOTE_FREE_OWNER_EXIT("remote-free-owner-exit", "remote free x owner exit", RemoteFreeOwnerExit::new);

    private final String id;
    private final String races;
    private final Function<String, Cell> factory;

    Cells(String id, String races, Function<String, Cell> factory) {
        this.id = id;
        this.races = races;
        this.factory = factory;
    }

    /** Short id, used in vmlens test names and the tables. */
    String id() {
        return id;
    }

    /** What races what, in words. */
    String races() {
        return races;
    }

    /** A fresh cell over a fresh SuperSlab running protocol {@code protocolId}. */
    Cell create(String protocolId) {
        return factory.apply(protocolId);
    }
}
