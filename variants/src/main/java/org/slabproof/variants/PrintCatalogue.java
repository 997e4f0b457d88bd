package org.slabproof.variants;

import java.util.stream.Collectors;

/**
 * Prints the catalogue for the gate scripts, one variant a line:
 * {@code id<TAB>breaks<TAB>engines<TAB>cells<TAB>defect}, with comma-separated lists
 * ({@code I1,I6}, {@code junit,jcstress}, {@code push-push}).
 */
public final class PrintCatalogue {
    private PrintCatalogue() {
    }

    /** Entry point; takes no arguments. */
    public static void main(String[] args) {
        for (KnownBadVariant v : KnownBadVariant.values()) {
            System.out.println(v.id() + "\t"
                    + v.breaks().stream().map(Enum::name).collect(Collectors.joining(",")) + "\t"
                    + v.expectedEngines().stream().map(Engine::id).collect(Collectors.joining(",")) + "\t"
                    + String.join(",", v.cells()) + "\t" + v.defect());
        }
    }
}
