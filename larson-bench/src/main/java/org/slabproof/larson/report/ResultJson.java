package org.slabproof.larson.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slabproof.larson.LarsonResult;
import org.slabproof.larson.RunStatus;
import org.slabproof.larson.SuperSlabFigures;
import org.slabproof.larson.telemetry.Sample;

/**
 * The {@code --json} form of a {@link LarsonResult}: one flat object whose names match the
 * printed lines ({@code throughput}, {@code superslabs_allocated}, ..., {@code rss_peak_bytes}),
 * the allocator's counters after cleanup as a nested object, and the telemetry samples. Fields a
 * peer without SuperSlabs cannot have are {@code null}.
 */
public final class ResultJson {
    private ResultJson() {
    }

    /** The JSON document for {@code r}. */
    public static String write(LarsonResult r) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("allocator").value(r.allocator());
        w.name("variant").value(r.variant());
        w.name("description").value(r.description());
        w.name("arguments").value(r.arguments());
        w.name("status").value(r.status().id());
        w.name("error").value(r.error());
        w.name("throughput").value(r.throughput());
        w.name("relative_time").value(r.relativeTime());
        w.name("elapsed_seconds").value(r.elapsedSeconds());
        w.name("mallocs").value(r.mallocs());
        w.name("frees").value(r.frees());
        w.name("threads_spawned").value(r.threadsSpawned());
        w.name("rss_peak_bytes").value(r.rssPeakBytes());
        figures(w, r.atEnd());
        w.name("after_cleanup");
        if (r.afterCleanup() == null) {
            w.nullValue();
        } else {
            w.beginObject();
            figures(w, r.afterCleanup());
            w.endObject();
        }
        w.name("samples").beginArray();
        for (Sample s : r.samples()) {
            w.beginObject();
            w.name("seconds").value(s.seconds());
            w.name("mallocs").value(s.mallocs());
            nullable(w, "superslabs_live", s.superSlabsLive());
            nullable(w, "superslabs_allocated", s.superSlabsAllocated());
            nullable(w, "superslabs_freed", s.superSlabsFreed());
            nullable(w, "mapped_bytes", s.mappedBytes());
            nullable(w, "rss_bytes", s.rssBytes());
            w.endObject();
        }
        w.endArray();
        return w.endObject().toString();
    }

    /**
     * Reads back a document written by {@link #write}.
     *
     * @throws IllegalArgumentException if it is not one
     */
    @SuppressWarnings("unchecked")
    public static LarsonResult read(String json) {
        Object parsed = JsonReader.parse(json);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a Larson result is a JSON object");
        }
        Map<String, Object> o = (Map<String, Object>) m;
        List<Sample> samples = new ArrayList<>();
        for (Object e : (List<Object>) o.get("samples")) {
            Map<String, Object> s = (Map<String, Object>) e;
            samples.add(new Sample(number(s, "seconds"), longOr(s, "mallocs"), longOr(s, "superslabs_live"),
                    longOr(s, "superslabs_allocated"), longOr(s, "superslabs_freed"), longOr(s, "mapped_bytes"),
                    longOr(s, "rss_bytes")));
        }
        Object after = o.get("after_cleanup");
        return new LarsonResult((String) o.get("allocator"), (String) o.get("variant"), (String) o.get("description"),
                (String) o.get("arguments"), RunStatus.fromId((String) o.get("status")), (String) o.get("error"),
                number(o, "elapsed_seconds"), longOr(o, "mallocs"), longOr(o, "frees"), longOr(o, "threads_spawned"),
                longOr(o, "rss_peak_bytes"), figures(o),
                after == null ? null : figures((Map<String, Object>) after), samples);
    }

    private static void figures(JsonWriter w, SuperSlabFigures f) {
        boolean has = f != null;
        nullable(w, "superslabs_allocated", has ? f.allocated() : -1);
        nullable(w, "superslabs_freed", has ? f.freed() : -1);
        nullable(w, "superslabs_live", has ? f.live() : -1);
        nullable(w, "superslabs_peak", has ? f.peak() : -1);
        nullable(w, "mapped_peak_bytes", has ? f.mappedBytesPeak() : -1);
        nullable(w, "active_blocks", has ? f.activeBlocks() : -1);
        nullable(w, "local_frees", has ? f.localFrees() : -1);
        nullable(w, "remote_frees", has ? f.remoteFrees() : -1);
        nullable(w, "drains", has ? f.drains() : -1);
        nullable(w, "drained_blocks", has ? f.drainedBlocks() : -1);
        nullable(w, "adoptions", has ? f.adoptions() : -1);
        nullable(w, "trims", has ? f.trims() : -1);
    }

    private static SuperSlabFigures figures(Map<String, Object> o) {
        if (o.get("superslabs_allocated") == null) {
            return null;
        }
        return new SuperSlabFigures(longOr(o, "superslabs_allocated"), longOr(o, "superslabs_freed"),
                longOr(o, "superslabs_live"), longOr(o, "superslabs_peak"), longOr(o, "mapped_peak_bytes"),
                longOr(o, "active_blocks"), longOr(o, "local_frees"), longOr(o, "remote_frees"), longOr(o, "drains"),
                longOr(o, "drained_blocks"), longOr(o, "adoptions"), longOr(o, "trims"));
    }

    /** Negative values mean "not available" in the records and null in JSON. */
    private static void nullable(JsonWriter w, String name, long v) {
        w.name(name);
        if (v < 0) {
            w.nullValue();
        } else {
            w.value(v);
        }
    }

    private static long longOr(Map<String, Object> o, String name) {
        Object v = o.get(name);
        return v == null ? -1 : ((Number) v).longValue();
    }

    private static double number(Map<String, Object> o, String name) {
        Object v = o.get(name);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
