package io.scenicpass.terminal.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.terminal.sync.OveruseConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Over-use conflicts the server reported, kept in memory (the latest {@code capacity}) and, when a file is
 * given, appended as JSON lines so they survive a restart. Thread-safe.
 */
public final class ConflictLog {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final int capacity;
    private final LinkedHashMap<String, OveruseConflict> conflicts = new LinkedHashMap<>();

    /**
     * @param file JSON-lines file, or null for memory only
     * @param capacity conflicts kept in memory
     */
    public ConflictLog(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    /**
     * @param c a conflict; a repeated event id is recorded once
     * @return false when it was already recorded
     */
    public synchronized boolean record(OveruseConflict c) {
        if (conflicts.containsKey(c.eventId())) {
            return false;
        }
        put(c);
        if (file != null) {
            ObjectNode n = JSON.createObjectNode();
            n.put("eventId", c.eventId());
            n.put("passId", c.passId());
            n.put("message", c.message());
            n.put("reportedAt", c.reportedAt().toString());
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warn("cannot persist over-use conflict {}: {}", c.eventId(), e.toString());
            }
        }
        return true;
    }

    /** @return the recorded conflicts, oldest first */
    public synchronized List<OveruseConflict> all() {
        return Collections.unmodifiableList(new ArrayList<>(conflicts.values()));
    }

    private void put(OveruseConflict c) {
        conflicts.put(c.eventId(), c);
        while (conflicts.size() > capacity) {
            String oldest = conflicts.keySet().iterator().next();
            conflicts.remove(oldest);
        }
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.trim().isEmpty()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    put(new OveruseConflict(n.get("eventId").asText(), text(n, "passId"), text(n, "message"),
                            Instant.parse(n.get("reportedAt").asText())));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("skipping unreadable line in {}", file); // e.g. torn last line after power loss
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.toString());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @return a copy of conflicts by event id */
    public synchronized Map<String, OveruseConflict> byEventId() {
        return new LinkedHashMap<>(conflicts);
    }
}
