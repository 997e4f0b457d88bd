package org.slabproof.larson.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slabproof.larson.LarsonResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.telemetry.Sample;

/** The {@code --json} output: parseable, with the promised fields, and readable back. */
class ResultJsonTest {

    private static final SuperSlabFigures AT_END = new SuperSlabFigures(11, 3, 8, 9, 18874368, 10000, 2834250,
            19494, 5, 6, 8, 177);
    private static final SuperSlabFigures CLEAN = new SuperSlabFigures(11, 7, 4, 9, 18874368, 0, 2834250, 29494, 6,
            7, 8, 178);

    private static LarsonResult slabproofRun() {
        return new LarsonResult("slabproof", "seed-missing-remote-dec", "quote \" backslash \\ newline \n tab \t",
                "5 8 1000 5000 100 4141 2", RunStatus.MAPPED_MEMORY_EXHAUSTED,
                "MappedMemoryExhaustedException: superslabs: allocated=128 freed=0 live=128", 2.5, 1000, 1001, 7,
                93278208, AT_END, CLEAN,
                List.of(new Sample(0, 0, 2, 2, 0, 4194304, 80000000), new Sample(0.1, 500, 3, 4, 1, 6291456, 81000000)));
    }

    @SuppressWarnings("unchecked")
    @Test
    void writtenDocumentParsesWithEveryPromisedField() {
        Map<String, Object> o = (Map<String, Object>) JsonReader.parse(ResultJson.write(slabproofRun()));
        assertEquals("slabproof", o.get("allocator"));
        assertEquals("seed-missing-remote-dec", o.get("variant"));
        assertEquals("mapped-memory-exhausted", o.get("status"));
        assertEquals(400.0, ((Number) o.get("throughput")).doubleValue(), 1e-9);
        assertEquals(7L, o.get("threads_spawned"));
        assertEquals(11L, o.get("superslabs_allocated"));
        assertEquals(3L, o.get("superslabs_freed"));
        assertEquals(8L, o.get("superslabs_live"));
        assertEquals(9L, o.get("superslabs_peak"));
        assertEquals(18874368L, o.get("mapped_peak_bytes"));
        assertEquals(93278208L, o.get("rss_peak_bytes"));
        assertEquals(2834250L, o.get("local_frees"));
        assertEquals(19494L, o.get("remote_frees"));
        assertEquals(5L, o.get("drains"));
        assertEquals(8L, o.get("adoptions"));
        assertEquals("quote \" backslash \\ newline \n tab \t", o.get("description"));
        assertEquals(0L, ((Map<String, Object>) o.get("after_cleanup")).get("active_blocks"));
        List<Object> samples = (List<Object>) o.get("samples");
        assertEquals(2, samples.size());
        assertEquals(0.1, ((Number) ((Map<String, Object>) samples.get(1)).get("seconds")).doubleValue(), 1e-12);
    }

    @SuppressWarnings("unchecked")
    @Test
    void peersWithoutSuperSlabsWriteNullsNotMadeUpNumbers() {
        LarsonResult heap = new LarsonResult("heap", null, "new byte[]", "1 8 16 4 1 1 1", RunStatus.OK, null, 1.0,
                10, 10, 1, 5000, null, null, List.of(new Sample(0, 0, -1, -1, -1, -1, 4096)));
        Map<String, Object> o = (Map<String, Object>) JsonReader.parse(ResultJson.write(heap));
        assertTrue(o.containsKey("superslabs_allocated"));
        assertNull(o.get("superslabs_allocated"));
        assertNull(o.get("remote_frees"));
        assertNull(o.get("after_cleanup"));
        assertNull(o.get("variant"));
        assertEquals(5000L, o.get("rss_peak_bytes"));
    }

    @Test
    void readBackGivesTheSameResult() {
        LarsonResult r = slabproofRun();
        assertEquals(r, ResultJson.read(ResultJson.write(r)));
        LarsonResult heap = new LarsonResult("heap", null, "d", "1 8 16 4 1 1 1", RunStatus.OK, null, 1.25, 10, 10,
                1, 5000, null, null, List.of(new Sample(0.5, 3, -1, -1, -1, -1, 4096)));
        assertEquals(heap, ResultJson.read(ResultJson.write(heap)));
    }

    @SuppressWarnings("unchecked")
    @Test
    void readerHandlesHandWrittenJson() {
        Object v = JsonReader.parse(" {\"a\" : [1, -2.5e3, true, false, null, \"\\u0041\\/\"], \"b\": {}} ");
        Map<String, Object> o = (Map<String, Object>) v;
        List<Object> a = (List<Object>) o.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(Boolean.FALSE, a.get(3));
        assertNull(a.get(4));
        assertEquals("A/", a.get(5));
        assertEquals(Map.of(), o.get("b"));
        for (String bad : new String[] {"", "{", "[1,]x", "{\"a\" 1}", "\"open", "tru", "{} {}"}) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
        }
    }

    @Test
    void writerPlacesCommasAndNestsContainers() {
        String s = new JsonWriter().beginObject().name("a").beginArray().value(1).value("x").nullValue().endArray()
                .name("b").beginObject().name("c").value(true).endObject().name("d").value(0.5)
                .name("e").value(Double.NaN).endObject().toString();
        assertEquals("{\"a\":[1,\"x\",null],\"b\":{\"c\":true},\"d\":0.5,\"e\":null}", s);
    }
}
