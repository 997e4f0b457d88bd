package org.slabproof.testkit.cells;

import java.util.function.Function;

import org.slabproof.superslab.FreeProtocol;

/**
 * The interleaving matrix: every two-actor cell, in table order, with the id the suites and
 * reports use and what races what.
 */
public enum Cells {
    /** See {@link PushPush}. */
    PUSH_PUSH("push-push", "remote push x remote push", PushPush::new),
    /** See {@link PushDrain}. */
    PUSH_DRAIN("push-drain", "remote push x owner's drain (slow path)", PushDrain::new),
    /** See {@link LastTwoRemoteFrees}. */
    LAST_TWO_REMOTE_FREES("last-two-remote-frees", "remote free x remote free of the last blocks", LastTwoRemoteFrees::new),
    /** See {@link RemoteFreeVsRefill}. */
    REMOTE_FREE_VS_REFILL("remote-free-vs-refill", "last remote free x owner's drain and credit refill",
            RemoteFreeVsRefill::new),
    /** See {@link LastFreeVsTrim}. */
    LAST_FREE_VS_TRIM("last-free-vs-trim", "last remote free x trimmer claim (idle owner)", LastFreeVsTrim::new),
    /** See {@link ExitVsLastFree}. */
    EXIT_VS_LAST_FREE("exit-vs-last-free", "owner exit x last remote free", ExitVsLastFree::new),
    /** See {@link ExitIdleVsLastFree}. */
    EXIT_IDLE_VS_LAST_FREE("exit-idle-vs-last-free", "owner exit (idle SuperSlab) x last remote free",
            ExitIdleVsLastFree::new),
    /** See {@link AdoptVsAdopt}. */
    ADOPT_VS_ADOPT("adopt-vs-adopt", "adoption x adoption", AdoptVsAdopt::new),
    /** See {@link AdoptVsLastFree}. */
    ADOPT_VS_LAST_FREE("adopt-vs-last-free", "adoption x last remote free", AdoptVsLastFree::new),
    /** See {@link OwnerFreeVsRemoteFree}. */
    OWNER_FREE_VS_REMOTE_FREE("owner-free-vs-remote-free", "owner free x remote free (routing)",
            OwnerFreeVsRemoteFree::new),
    /** See {@link IdleOwnerFreeVsTrim}. */
    IDLE_OWNER_FREE_VS_TRIM("idle-owner-free-vs-trim", "owner free into its idle SuperSlab x trim",
            IdleOwnerFreeVsTrim::new),
    /** See {@link PinVsReclaim}. */
    PIN_VS_RECLAIM("pin-vs-reclaim", "owner's pin x claim of its idle SuperSlab", PinVsReclaim::new),
    /** See {@link ReapVsLateFree}. */
    REAP_VS_LATE_FREE("reap-vs-late-free", "reaping a dead owner x late remote free", ReapVsLateFree::new),
    /** See {@link OwnerWorkVsTrim}. */
    OWNER_WORK_VS_TRIM("owner-work-vs-trim", "live owner's malloc and free x trim", OwnerWorkVsTrim::new);

    private final String id;
    private final String races;
    private final Function<FreeProtocol, Cell> factory;

    Cells(String id, String races, Function<FreeProtocol, Cell> factory) {
        this.id = id;
        this.races = races;
        this.factory = factory;
    }

    /** Short id, used in test names and tables. */
    public String id() {
        return id;
    }

    /** What races what, in words. */
    public String races() {
        return races;
    }

    /** A fresh cell over a fresh world running {@code protocol} (set up, actors not run yet). */
    public Cell create(FreeProtocol protocol) {
        return factory.apply(protocol);
    }

    /** The cell with the given id. */
    public static Cells fromId(String id) {
        for (Cells c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cell '" + id + "'");
    }
}
