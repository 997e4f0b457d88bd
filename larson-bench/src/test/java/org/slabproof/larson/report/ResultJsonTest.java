package org.slabproof.larson.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slabproof.larson.RunResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.Workload;
import org.slabproof.larson.telemetry.Sample;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code --json} output: the promised fields, a faithful read-back, and the schema of the
 * documents the runner wrote before it used Jackson (kept under {@code schema1/}, written by the
 * hand-rolled writer this class replaced): they read, and write back the same members with the
 * same values.
 */
class ResultJsonTest {
    /** Members a document may have that the first schema did not; nothing else may be new. */
    private static final Set<String> ADDED_MEMBERS = Set.of("workload", "idle_started_seconds", "broken_invariants", "slow_mallocs");

    private static final JsonMapper TREE = JsonMapper.builder().build();

    private static final SuperSlabFigures AT_END = new SuperSlabFigures(11, 3, 8, 9, 18874368, 10000, 70000,
            2834250, 19494, 5, 6, 8, 177);
    private static final SuperSlabFigures CLEAN = new SuperSlabFigures(11, 7, 4, 9, 18874368, 0, 70000, 2834250, 29494, 6,
            7, 8, 178);

    private static RunResult slabproofRun() {
        return new RunResult(Workload.LARSON, "slabproof", "seed-missing-remote-dec",
                "quote \" backslash \\ newline \n tab \t", "5 8 1000 5000 100 4141 2",
                RunStatus.MAPPED_MEMORY_EXHAUSTED,
                "MappedMemoryExhaustedException: superslabs: allocated=128 freed=0 live=128", 2.5, 1000, 1001, 7,
                93278208, AT_END, CLEAN,
                List.of(new Sample(0, 0, 2, 2, 0, 4194304, 80000000), new Sample(0.1, 500, 3, 4, 1, 6291456, 81000000)),
                Double.NaN);
    }

    private static RunResult heapRun() {
        return new RunResult(Workload.LARSON, "heap", null, "new byte[]", "1 8 16 4 1 1 1", RunStatus.OK, null, 1.25,
                10, 10, 1, 5000, null, null, List.of(new Sample(0.5, 3, -1, -1, -1, -1, 4096)), Double.NaN);
    }

    @Test
    void writtenDocumentHasEveryPromisedField() {
        JsonNode o = TREE.readTree(ResultJson.write(slabproofRun()));
        assertEquals("larson", o.get("workload").stringValue());
        assertEquals("slabproof", o.get("allocator").stringValue());
        assertEquals("seed-missing-remote-dec", o.get("variant").stringValue());
        assertEquals("mapped-memory-exhausted", o.get("status").stringValue());
        assertEquals(400.0, o.get("throughput").doubleValue(), 1e-9);
        assertEquals(7, o.get("threads_spawned").longValue());
        assertEquals(11, o.get("superslabs_allocated").longValue());
        assertEquals(3, o.get("superslabs_freed").longValue());
        assertEquals(8, o.get("superslabs_live").longValue());
        assertEquals(9, o.get("superslabs_peak").longValue());
        assertEquals(18874368, o.get("mapped_peak_bytes").longValue());
        assertEquals(93278208, o.get("rss_peak_bytes").longValue());
        assertEquals(70000, o.get("slow_mallocs").longValue());
        assertEquals(2834250, o.get("local_frees").longValue());
        assertEquals(19494, o.get("remote_frees").longValue());
        assertEquals(5, o.get("drains").longValue());
        assertEquals(8, o.get("adoptions").longValue());
        assertEquals("quote \" backslash \\ newline \n tab \t", o.get("description").stringValue());
        assertEquals(0, o.get("after_cleanup").get("active_blocks").longValue());
        assertTrue(o.get("idle_started_seconds").isNull(), "NaN is written as null: JSON has no NaN");
        assertEquals(2, o.get("samples").size());
        assertEquals(0.1, o.get("samples").get(1).get("seconds").doubleValue(), 1e-12);
    }

    @Test
    void peersWithoutSuperSlabsWriteNullsNotMadeUpNumbers() {
        JsonNode o = TREE.readTree(ResultJson.write(heapRun()));
        for (String name : List.of("superslabs_allocated", "remote_frees", "after_cleanup", "variant", "error")) {
            assertTrue(o.has(name) && o.get(name).isNull(), name + " must be present and null: " + o);
        }
        assertTrue(o.get("samples").get(0).get("mapped_bytes").isNull());
        assertEquals(5000, o.get("rss_peak_bytes").longValue());
    }

    @Test
    void readBackGivesTheSameResult() {
        assertEquals(slabproofRun(), ResultJson.read(ResultJson.write(slabproofRun())));
        assertEquals(heapRun(), ResultJson.read(ResultJson.write(heapRun())));
        RunResult idle = new RunResult(Workload.XMALLOC, "slabproof", null, "d", "--threads 1", RunStatus.OK, null,
                0.75, 4096, 4096, 2, 1 << 20, AT_END, CLEAN, List.of(new Sample(0, 0, 1, 1, 0, 2097152, 1 << 20)), 0.8);
        assertEquals(idle, ResultJson.read(ResultJson.write(idle)));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(JacksonException.class, () -> ResultJson.read("[1, 2]"));
        assertThrows(JacksonException.class, () -> ResultJson.read("{\"allocator\": "));
        assertThrows(IllegalArgumentException.class, () -> ResultJson.read("{\"status\": \"sideways\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"slabproof", "heap", "capped"})
    void firstSchemaRunReadsAndWritesBackTheSameMembers(String name) throws IOException {
        String legacy = resource(name);
        RunResult r = ResultJson.read(legacy);
        assertEquals(Workload.LARSON, r.workload(), "a document without a workload is Larson's");
        assertFalse(r.samples().isEmpty());
        assertSameMembers(TREE.readTree(legacy), TREE.readTree(ResultJson.write(r)), "$");
    }

    @Test
    void firstSchemaComparisonReadsAndWritesBackTheSameMembers() throws IOException {
        String legacy = resource("compare");
        JsonNode old = TREE.readTree(legacy);
        List<RunResult> runs = ResultJson.readComparisonRuns(legacy);
        assertEquals(2, runs.size());
        List<String> labels = new ArrayList<>();
        old.get("summary").forEach(row -> labels.add(row.get("label").stringValue()));
        ComparisonTable table = new ComparisonTable(runs, labels);
        String again = ResultJson.writeComparison(Workload.LARSON.id(), old.get("arguments").stringValue(),
                old.get("rounds").intValue(), table.rows(), runs);
        assertSameMembers(old, TREE.readTree(again), "$");
    }

    /** Every member of {@code old} is in {@code now} with an equal value (numbers by value); {@code now} adds only {@link #ADDED_MEMBERS}. */
    private static void assertSameMembers(JsonNode old, JsonNode now, String path) {
        if (old.isNumber()) {
            assertTrue(now.isNumber(), path + ": a number became " + now);
            assertEquals(old.doubleValue(), now.doubleValue(), Math.abs(old.doubleValue()) * 1e-15, path);
        } else if (old.isObject()) {
            assertTrue(now.isObject(), path + ": an object became " + now);
            for (String name : old.propertyNames()) {
                assertTrue(now.has(name), path + ": member '" + name + "' is gone");
                assertSameMembers(old.get(name), now.get(name), path + "." + name);
            }
            for (String name : now.propertyNames()) {
                assertTrue(old.has(name) || ADDED_MEMBERS.contains(name), path + ": unexpected new member '" + name + "'");
            }
        } else if (old.isArray()) {
            assertEquals(old.size(), now.size(), path + ": array length");
            for (int i = 0; i < old.size(); i++) {
                assertSameMembers(old.get(i), now.get(i), path + "[" + i + "]");
            }
        } else {
            assertEquals(old, now, path);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ResultJsonTest.class.getResourceAsStream("schema1/" + name + ".json")) {
            if (in == null) {
                throw new IOException("missing test resource schema1/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
