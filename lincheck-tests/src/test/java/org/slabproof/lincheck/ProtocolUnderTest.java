package org.slabproof.lincheck;

import org.slabproof.AccountingPolicy;
import org.slabproof.superslab.FreeProtocol;
import org.slabproof.variants.ProtocolCatalog;

/**
 * The protocol id that the scenario classes build their structure with.
 *
 * <p>Why a holder: Lincheck creates a fresh scenario instance (and sequential specification
 * instance) per invocation through the no-argument constructor, so the id cannot be passed in.
 * One holder lets a single scenario class serve every id of {@link ProtocolCatalog} (the two
 * policies, each known-bad variant, and whatever the mutation gate asks for) instead of one
 * subclass per (structure, id). Runs are sequential: {@link #select} refuses to nest.
 */
public final class ProtocolUnderTest {
    private static volatile String current;     // set only for the duration of run(); read by constructors

    private ProtocolUnderTest() {
    }

    /**
     * Selects {@code protocolId} until the returned handle is closed (try-with-resources).
     *
     * @throws IllegalArgumentException for an id the catalogue does not know
     * @throws IllegalStateException    when another run is in progress
     */
    public static Selection select(String protocolId) {
        ProtocolCatalog.create(protocolId);                 // fail fast on an unknown id
        synchronized (ProtocolUnderTest.class) {
            if (current != null) {
                throw new IllegalStateException("a Lincheck run for '" + current + "' is already in progress");
            }
            current = protocolId;
        }
        return () -> current = null;
    }

    /** The handle of a selection; closing it clears the selection. */
    public interface Selection extends AutoCloseable {
        @Override
        void close();
    }

    /** The selected id (scenario and specification constructors only). */
    public static String id() {
        String id = current;
        if (id == null) {
            throw new IllegalStateException("no protocol selected: run scenarios through LincheckRun");
        }
        return id;
    }

    /** A fresh instance of the selected protocol (scenario constructors). */
    public static FreeProtocol protocol() {
        return ProtocolCatalog.create(id());
    }

    /**
     * The policy the selected protocol implements or claims to implement: the sequential
     * specifications follow it.
     */
    public static AccountingPolicy policy() {
        return protocol().policy();
    }
}
