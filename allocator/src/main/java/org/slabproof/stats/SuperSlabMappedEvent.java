package org.slabproof.stats;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR event: a SuperSlab was created on a freshly mapped region or on one from the reserve. */
@Name("org.slabproof.SuperSlabMapped")
@Label("SuperSlab Mapped")
@Category({"slabproof", "Allocator"})
@Description("A SuperSlab was created")
public final class SuperSlabMappedEvent extends Event {
    @Label("SuperSlab id")
    public long id;
    @Label("Base address")
    public long base;
    @Label("Size")
    @DataAmount
    public long size;
    @Label("From reserve")
    public boolean fromReserve;
}
