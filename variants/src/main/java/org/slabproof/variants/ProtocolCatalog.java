package org.slabproof.variants;

import java.util.ArrayList;
import java.util.List;

import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.FreeProtocol;

/**
 * Every protocol by id: the two correct policies and the known-bad variants. The suites, the
 * Larson runner and the gates select what to run through this one place.
 */
public final class ProtocolCatalog {
    private ProtocolCatalog() {
    }

    /** A fresh protocol for a policy id or a variant id. */
    public static FreeProtocol create(String id) {
        for (AccountingPolicy p : AccountingPolicy.values()) {
            if (p.id().equals(id)) {
                return FreeProtocol.of(p);
            }
        }
        try {
            return KnownBadVariant.fromId(id).protocol();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown protocol '" + id + "'; known: " + String.join(", ", ids()), e);
        }
    }

    /** The correct protocols' ids. */
    public static List<String> correctIds() {
        List<String> ids = new ArrayList<>();
        for (AccountingPolicy p : AccountingPolicy.values()) {
            ids.add(p.id());
        }
        return ids;
    }

    /** Every id: correct ones first, then the variants. */
    public static List<String> ids() {
        List<String> ids = correctIds();
        for (KnownBadVariant v : KnownBadVariant.values()) {
            ids.add(v.id());
        }
        return ids;
    }
}
