package org.slabproof.larson.report;

import java.util.Locale;

/**
 * A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans and null, with
 * commas placed by the writer. Enough for Larson's reports without a JSON dependency.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Whether the current container already has an element, one entry per open container. */
    private boolean[] hasElement = new boolean[8];
    private int depth;
    private boolean afterName;

    /** Opens an object. */
    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        push();
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        depth--;
        out.append('}');
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        push();
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        depth--;
        out.append(']');
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        beforeValue();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    /** Writes a string, or null. */
    public JsonWriter value(String s) {
        beforeValue();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    /** Writes an integer. */
    public JsonWriter value(long v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /** Writes a number; NaN and infinities, which JSON lacks, become null. */
    public JsonWriter value(double v) {
        beforeValue();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            // Double.toString is the shortest text that reads back to the same double, and valid JSON.
            out.append(Double.toString(v));
        }
        return this;
    }

    /** Writes a boolean. */
    public JsonWriter value(boolean v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /** Writes a value that is already a JSON document, such as another writer's output. */
    public JsonWriter rawValue(String json) {
        beforeValue();
        out.append(json);
        return this;
    }

    /** Writes a null. */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** The document written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    private void push() {
        if (++depth == hasElement.length) {
            hasElement = java.util.Arrays.copyOf(hasElement, depth * 2);
        }
        hasElement[depth] = false;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasElement[depth]) {
                out.append(',');
            }
            hasElement[depth] = true;
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
