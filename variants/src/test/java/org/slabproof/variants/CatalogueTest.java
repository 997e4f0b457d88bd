package org.slabproof.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slabproof.testkit.cells.Cells;

/**
 * The catalogue is consistent with what uses it: every variant names what it breaks, who must
 * catch it and which cells target it (cells that exist), its protocol reports its own id, and the
 * JUnit engine has a contract run for it. The gates read the catalogue; a slip here would make a
 * gate expect what no suite can deliver.
 */
class CatalogueTest {
    @Test
    void everyVariantSaysWhatItBreaksWhoCatchesItAndWhichCellsTargetIt() {
        Set<String> ids = new HashSet<>();
        for (KnownBadVariant v : KnownBadVariant.values()) {
            assertTrue(ids.add(v.id()), "duplicate id " + v.id());
            assertFalse(v.breaks().isEmpty(), v.id() + " breaks nothing");
            assertFalse(v.expectedEngines().isEmpty(), v.id() + " is expected of no engine");
            assertFalse(v.cells().isEmpty(), v.id() + " is targeted by no cell");
            for (String cell : v.cells()) {
                assertNotNull(Cells.fromId(cell), v.id() + " names an unknown cell " + cell);
            }
            assertEquals(v.id(), v.protocol().id(), "the protocol must report its variant's id");
            assertEquals(v, KnownBadVariant.fromId(v.id()));
            assertTrue(ProtocolCatalog.ids().contains(v.id()));
        }
    }

    @Test
    void theJUnitEngineHasAContractRunPerVariant() throws ClassNotFoundException {
        for (KnownBadVariant v : KnownBadVariant.values()) {
            String simple = v.protocol().getClass().getSimpleName() + "ContractTest";
            Class<?> test = Class.forName(getClass().getPackageName() + "." + simple);
            Tag tag = test.getAnnotation(Tag.class);
            assertNotNull(tag, simple + " must be tagged, so that the default build skips it");
            assertEquals("variant", tag.value());
        }
    }
}
