package org.slabproof.variants;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slabproof.superslab.FreeProtocol;

/**
 * The known-bad variants of section 3 of the brief: what each breaks, and which engines must
 * catch it (the mutation gate fails when one of these pairs is missed).
 */
public enum KnownBadVariant {
    /** The seed: remote free never decrements, the drain does not either. */
    SEED_MISSING_REMOTE_DEC("seed-missing-remote-dec", "I1, I6", SeedMissingRemoteDec::new,
            "remote free never decrements and the drain does not either: the count never reaches 0, nothing is freed",
            EnumSet.of(Engine.JUNIT, Engine.JCSTRESS, Engine.LINCHECK, Engine.LARSON, Engine.VMLENS)),
    /** Remote free decrements and the drain subtracts again. */
    DOUBLE_DEC("double-dec", "I1", DoubleDec::new,
            "remote free decrements and the drain subtracts again: zero while blocks are live, premature release",
            EnumSet.of(Engine.JUNIT, Engine.JCSTRESS, Engine.LINCHECK, Engine.VMLENS)),
    /** Remote push by a plain read of head then a plain write. */
    RACY_PUSH("racy-push", "I2", RacyPush::new,
            "remote push by plain read of head then plain write: concurrent pushes lose blocks",
            EnumSet.of(Engine.JCSTRESS, Engine.LINCHECK, Engine.VMLENS)),
    /** Drain by get() then set(0) instead of an atomic exchange. */
    RACY_DRAIN("racy-drain", "I2", RacyDrain::new,
            "drain by get() then set(0) instead of an exchange: pushes between the two are lost",
            EnumSet.of(Engine.JCSTRESS, Engine.LINCHECK, Engine.VMLENS)),
    /** Remote free decrements first, then pushes. */
    DEC_BEFORE_PUBLISH("dec-before-publish", "I4", DecBeforePublish::new,
            "remote free decrements before it pushes: the push can write into a released SuperSlab",
            EnumSet.of(Engine.JCSTRESS, Engine.LINCHECK, Engine.VMLENS)),
    /** Trim releases on count == 0 without claiming the SuperSlab. */
    CHECK_THEN_RELEASE("check-then-release", "I5", CheckThenRelease::new,
            "trim releases on count == 0 without claiming: the release races an adoption or allocation",
            EnumSet.of(Engine.JCSTRESS, Engine.LINCHECK, Engine.VMLENS)),
    /** Zero detected by a separate read after the decrement. */
    DOUBLE_ZERO("double-zero", "I3", DoubleZero::new,
            "zero detected by a separate read after the decrement: two threads both see the zero",
            EnumSet.of(Engine.JCSTRESS, Engine.LINCHECK, Engine.VMLENS));

    private final String id;
    private final String breaks;
    private final Supplier<FreeProtocol> factory;
    private final String defect;
    private final Set<Engine> expectedEngines;

    KnownBadVariant(String id, String breaks, Supplier<FreeProtocol> factory, String defect,
            Set<Engine> expectedEngines) {
        this.id = id;
        this.breaks = breaks;
        this.factory = factory;
        this.defect = defect;
        this.expectedEngines = expectedEngines;
    }

    /** Stable id, as in the brief. */
    public String id() {
        return id;
    }

    /** The invariants it breaks. */
    public String breaks() {
        return breaks;
    }

    /** One-line description of the defect. */
    public String defect() {
        return defect;
    }

    /** The engines that must catch it. */
    public Set<Engine> expectedEngines() {
        return expectedEngines;
    }

    /** A fresh protocol instance with this defect. */
    public FreeProtocol protocol() {
        return factory.get();
    }

    /** The variant with the given id. */
    public static KnownBadVariant fromId(String id) {
        for (KnownBadVariant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + id + "'; known: "
                + Arrays.stream(values()).map(KnownBadVariant::id).collect(Collectors.joining(", ")));
    }

    /** Prints the catalogue, one variant a line: {@code id<TAB>breaks<TAB>engines<TAB>defect}. */
    public static void main(String[] args) {
        for (KnownBadVariant v : values()) {
            System.out.println(v.id + "\t" + v.breaks + "\t" + v.expectedEngines.stream().map(Engine::id)
                    .collect(Collectors.joining(",")) + "\t" + v.defect);
        }
    }
}
