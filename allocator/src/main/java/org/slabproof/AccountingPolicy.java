package org.slabproof;

import java.util.Arrays;
import java.util.stream.Collectors;


/** The two correct ways to keep {@code totalActiveBlocks} (see the package docs of the protocol). */
public enum AccountingPolicy {
    /** The seed's Option A: every free decrements at once; a drain only moves blocks. */
    DECREMENT_AT_FREE("decrement-at-free", false),
    /** mimalloc's choice: remote frees leave the count alone; the drain subtracts what it moved. */
    DECREMENT_AT_DRAIN("decrement-at-drain", true);

    private final String id;
    private final boolean countsRemotePending;

    AccountingPolicy(String id, boolean countsRemotePending) {
        this.id = id;
        this.countsRemotePending = countsRemotePending;
    }

    /** Stable id used on command lines and in reports. */
    public String id() {
        return id;
    }

    /** True when blocks pending on a remote stack are still counted (decrement-at-drain). */
    public boolean countsRemotePending() {
        return countsRemotePending;
    }

    /** The policy with the given id. */
    public static AccountingPolicy fromId(String id) {
        for (AccountingPolicy p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown accounting policy '" + id + "'; known: "
                + Arrays.stream(values()).map(AccountingPolicy::id).collect(Collectors.joining(", ")));
    }
}
