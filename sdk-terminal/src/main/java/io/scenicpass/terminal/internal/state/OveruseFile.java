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

/** Reads and atomically rewrites the over-use notices file (a JSON array). */
public final class OveruseFile {
    private OveruseFile() {
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
            out.add(new OveruseNotice(n.path("eventId").asText(), text(n, "passId"), text(n, "message"),
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
