package org.slabproof.larson;

import java.util.Locale;

/**
 * Parses sizes like {@code 512m}, {@code 2MiB}, {@code 1g} or {@code 4096}: binary multiples
 * (k = 1024), case-insensitive, with an optional {@code b}, {@code ib} or {@code iB} after the unit.
 */
public final class ByteSize {
    private ByteSize() {
    }

    /**
     * The number of bytes {@code text} denotes.
     *
     * @throws IllegalArgumentException when it is not a positive size or overflows a long
     */
    public static long parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty()) {
            shift = switch (s.charAt(s.length() - 1)) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                case 't' -> 40;
                default -> 0;
            };
        }
        if (shift != 0) {
            s = s.substring(0, s.length() - 1).trim();
        }
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 4096, 64k, 512m, 2g)", e);
        }
        if (value <= 0) {
            throw new IllegalArgumentException("a size must be positive, got '" + text + "'");
        }
        if (value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size too large: '" + text + "'");
        }
        return value << shift;
    }
}
