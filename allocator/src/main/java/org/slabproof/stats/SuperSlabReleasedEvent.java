package org.slabproof.stats;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR event: a SuperSlab was released (its region unmapped or kept in the reserve). */
@Name("org.slabproof.SuperSlabReleased")
@Label("SuperSlab Released")
@Category({"slabproof", "Allocator"})
@Description("A SuperSlab was released")
public final class SuperSlabReleasedEvent extends Event {
    @Label("SuperSlab id")
    public long id;
    @Label("Base address")
    public long base;
    @Label("Size")
    @DataAmount
    public long size;
    @Label("Kept in reserve")
    public boolean toReserve;
}
