package org.slabproof.jcstress.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The gate's verdict on one test, or on one protocol across its tests. Declared in rising
 * precedence: a protocol whose tests disagree takes the latest of their verdicts.
 */
enum Verdict {
    /** Ran, collected samples, and no outcome was FORBIDDEN. */
    PASS("PASS"),
    /** Selected, but jcstress recorded no result for it (more actors than CPUs, a fork that never reported). */
    NOT_RUN("NOT RUN"),
    /** jcstress reported an error status, no samples, or an outcome its table does not grade. */
    ERROR("ERROR"),
    /** A FORBIDDEN outcome was observed: the test caught something. */
    FAILED("FAILED");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** How the console, the verdict file and the summary JSON spell it. */
    @JsonValue
    String label() {
        return label;
    }
}
