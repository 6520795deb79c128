package io.scenicpass.server.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.Ids;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.messages.internal.BookingMessages;
import io.scenicpass.server.messages.store.MessageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends messages to shop visitors: each call writes an outbox row (fields encrypted with the identity key) that the
 * delivery job sends by email or SMS in the visitor's language, after checking the visitor's choices. The public API
 * other features use.
 */
public final class VisitorMessages {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final Database db;
    private final MessageStore store;
    private final IdentityKeys keys;
    private final ObjectMapper json;
    private final Ids ids;
    private final Clock clock;

    public VisitorMessages(
            Database db, MessageStore store, IdentityKeys keys, ObjectMapper json, Ids ids, Clock clock) {
        this.db = db;
        this.store = store;
        this.keys = keys;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Queues a message to {@code visitorId} in the caller's transaction {@code c}: it goes once that commits.
     * {@code fields} fill the kind's text (e.g. {@code ref}, {@code product}, {@code date}, {@code code}).
     */
    public void send(Connection c, long visitorId, MessageKind kind, Map<String, String> fields) throws SQLException {
        sendOnce(c, visitorId, kind, fields, null);
    }

    /**
     * Queues a message unless one with {@code dedupeKey} (null: none) was queued before; returns its id, or null when
     * it was a repeat.
     */
    public String sendOnce(Connection c, long visitorId, MessageKind kind, Map<String, String> fields, String dedupeKey)
            throws SQLException {
        String id = ids.sortableId();
        boolean added =
                store.add(c, id, visitorId, kind, dedupeKey, keys.encrypt(write(fields), context(id)), clock.instant());
        return added ? id : null;
    }

    /**
     * Queues a message to every visitor with a shop booking (sold) for {@code day}, in its own transaction; a visitor
     * gets the same warning (kind, day, fields) once however often it is sent. Returns how many were queued.
     */
    public int sendToVisitorsOf(LocalDate day, MessageKind kind, Map<String, String> fields) {
        String what = kind + ":" + day + ":" + keys.digest(write(fields)).substring(0, 32);
        return db.tx(c -> {
            int n = 0;
            List<Long> visitors = store.visitorsOf(c, day);
            for (long v : visitors) {
                n += sendOnce(c, v, kind, fields, what + ":" + v) != null ? 1 : 0;
            }
            return n;
        });
    }

    /**
     * Sends the confirmation of shop booking {@code uuid} again, with the link to its tickets, to the visitor who owns
     * it (an operator's "resend tickets"); false when no shop visitor owns {@code uuid}.
     */
    public boolean resendTickets(String uuid) {
        return db.tx(c -> {
            var b = store.shopBooking(c, uuid);
            if (b.isPresent()) {
                send(c, b.get().visitorId(), MessageKind.BOOKING_CONFIRMED, BookingMessages.fields(b.get()));
            }
            return b.isPresent();
        });
    }

    /** The fields of a row, decrypted (the delivery). */
    Map<String, String> fields(MessageStore.Row r) {
        if (r.fields() == null) {
            return Map.of();
        }
        try {
            return json.readValue(keys.decrypt(r.fields(), context(r.id())), FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message " + r.id() + ": unreadable fields", e);
        }
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(new TreeMap<>(fields == null ? Map.of() : fields));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message fields cannot be written", e);
        }
    }

    private static String context(String id) {
        return "message:" + id;
    }
}
