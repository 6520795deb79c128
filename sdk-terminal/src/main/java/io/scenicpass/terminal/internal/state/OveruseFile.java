package io.scenicpass.terminal.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.journal.FileOps;
import io.scenicpass.terminal.state.OveruseNotice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The over-use notices the server reported, kept in a file (a JSON array, rewritten atomically) or, without a
 * file, in memory only: the newest {@code max} notices, one per event. Used by the gate state and by a sync
 * client running without a gate.
 */
public final class OveruseFile {
    private final Path file;
    private final int max;
    private final List<OveruseNotice> kept = new ArrayList<>();

    /**
     * @param file the file, or null to keep the notices in memory only
     * @param max how many notices to keep
     */
    public OveruseFile(Path file, int max) {
        this.file = file;
        this.max = max;
    }

    /** Loads the stored notices. @throws IOException when the file is unreadable */
    public synchronized void load() throws IOException {
        if (file != null) {
            kept.addAll(read(file));
        }
    }

    /**
     * Keeps a notice durably, dropping the oldest beyond the maximum.
     *
     * @param notice the notice
     * @return false when a notice for the same event was already kept
     * @throws java.io.UncheckedIOException when it cannot be written
     */
    public synchronized boolean record(OveruseNotice notice) {
        for (OveruseNotice n : kept) {
            if (n.eventId().equals(notice.eventId())) {
                return false;
            }
        }
        kept.add(notice);
        while (kept.size() > max) {
            kept.remove(0);
        }
        if (file == null) {
            return true;
        }
        try {
            write(file, kept);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot persist over-use notice", e);
        }
        return true;
    }

    /** @return the kept notices, oldest first */
    public synchronized List<OveruseNotice> notices() {
        return new ArrayList<>(kept);
    }

    /**
     * @param file the file
     * @return the notices, empty when the file does not exist
     * @throws IOException on read failure
     */
    public static List<OveruseNotice> read(Path file) throws IOException {
        List<OveruseNotice> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (JsonNode n : WireJson.mapper().readTree(Files.readAllBytes(file))) {
            out.add(new OveruseNotice(
                    n.path("eventId").asText(),
                    text(n, "passId"),
                    text(n, "message"),
                    Instant.parse(n.path("reportedAt").asText())));
        }
        return out;
    }

    /**
     * @param file the file
     * @param notices the notices to keep
     * @throws IOException on write failure
     */
    public static void write(Path file, List<OveruseNotice> notices) throws IOException {
        ObjectMapper json = WireJson.mapper();
        ArrayNode arr = json.createArrayNode();
        for (OveruseNotice n : notices) {
            ObjectNode o = arr.addObject();
            o.put("eventId", n.eventId());
            o.put("passId", n.passId());
            o.put("message", n.message());
            o.put("reportedAt", n.reportedAt().toString());
        }
        FileOps.writeAtomically(file, json.writeValueAsBytes(arr));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
