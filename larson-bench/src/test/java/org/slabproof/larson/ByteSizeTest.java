package org.slabproof.larson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Size parsing for {@code --max-mapped} and {@code --superslab-size}. */
class ByteSizeTest {

    @Test
    void unitsAreBinaryAndCaseInsensitive() {
        assertEquals(4096, ByteSize.parse("4096"));
        assertEquals(64L * 1024, ByteSize.parse("64k"));
        assertEquals(512L * 1024 * 1024, ByteSize.parse("512m"));
        assertEquals(512L * 1024 * 1024, ByteSize.parse("512M"));
        assertEquals(2L * 1024 * 1024, ByteSize.parse("2MiB"));
        assertEquals(2L * 1024 * 1024, ByteSize.parse("2mb"));
        assertEquals(1L << 30, ByteSize.parse("1g"));
        assertEquals(3L << 40, ByteSize.parse("3T"));
        assertEquals(100, ByteSize.parse(" 100b "));
    }

    @Test
    void nonsenseZeroNegativeAndOverflowAreRejected() {
        for (String bad : new String[] {"", "m", "abc", "1.5g", "0", "-1m", "9999999999999t", "12q"}) {
            assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), bad);
        }
    }
}
