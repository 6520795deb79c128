package io.scenicpass.server.visitors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.visitors.store.BookingLinkStore;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links a sold booking of any channel to its visitor: the keys of its contact (phone, email), its first named
 * unit's document and, for a shop order, the shop account; a visitor holding any of them is the booking's (two found
 * are one person: merged), else a new one. A booking whose channel's contract says its contacts agreed to marketing
 * ({@code visitors.consentChannels}) gives consent. A booking with no key is kept anonymous (channel, day, units).
 */
final class BookingLinks {
    private final BookingLinkStore store;
    private final VisitorStore visitors;
    private final VisitorKeys keys;
    private final Tags tags;
    private final ObjectMapper json;
    private final Set<String> consentChannels;
    private final int retentionMonths;

    BookingLinks(
            BookingLinkStore store,
            VisitorStore visitors,
            VisitorKeys keys,
            Tags tags,
            ObjectMapper json,
            Set<String> consentChannels,
            int retentionMonths) {
        this.retentionMonths = retentionMonths;
        this.store = store;
        this.visitors = visitors;
        this.keys = keys;
        this.tags = tags;
        this.json = json;
        this.consentChannels = consentChannels;
    }

    /** The booking's visitor, linking it now if the hub has not seen it (empty: unknown booking or nobody known). */
    Optional<Long> visitorOf(Connection c, String uuid, Instant now) throws SQLException {
        Optional<BookingLinkStore.Link> known = store.link(c, uuid);
        if (known.isPresent()) {
            return Optional.ofNullable(known.get().visitorId());
        }
        Optional<BookingLinkStore.Source> s = store.source(c, uuid);
        if (s.isEmpty()
                || !(s.get().status().equals("CONFIRMED") || s.get().status().equals("REDEEMED"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(link(c, s.get(), now));
    }

    /** Links a sold booking not seen before; the visitor's id, or null when the booking names nobody. */
    Long link(Connection c, BookingLinkStore.Source s, Instant now) throws SQLException {
        if (s.day().isBefore(tags.day(now).minusMonths(retentionMonths))) {
            return null; // past retention: its facts were erased, it names nobody again
        }
        Map<String, VisitorKeys.Kind> found = keysOf(c, s);
        Long visitorId = null;
        if (!found.isEmpty()) {
            List<Long> ids = visitors.byKeys(c, found.keySet());
            visitorId = ids.isEmpty() ? visitors.create(c, now, s.day()) : ids.get(0);
            for (Long other : ids.subList(Math.min(1, ids.size()), ids.size())) {
                visitors.merge(c, visitorId, other);
            }
            for (Map.Entry<String, VisitorKeys.Kind> k : found.entrySet()) {
                visitors.addKey(c, visitorId, k.getKey(), k.getValue().name(), now);
            }
            if (consentChannels.contains(s.channelId())) {
                visitors.consent(c, visitorId, true, "channel:" + s.channelId(), now);
            }
        }
        store.insert(c, s, visitorId, store.unitsByType(c, s.uuid()));
        if (visitorId != null) {
            tags.refresh(c, visitorId, now);
        }
        return visitorId;
    }

    private Map<String, VisitorKeys.Kind> keysOf(Connection c, BookingLinkStore.Source s) throws SQLException {
        Map<String, VisitorKeys.Kind> out = new LinkedHashMap<>();
        if (s.contactJson() != null && !s.contactJson().isBlank()) {
            try {
                JsonNode contact = json.readTree(s.contactJson());
                put(out, keys.phone(text(contact, "phoneNumber")), VisitorKeys.Kind.PHONE);
                put(out, keys.email(text(contact, "emailAddress")), VisitorKeys.Kind.EMAIL);
            } catch (java.io.IOException e) {
                // a contact that is not JSON names nobody: the booking stays anonymous
            }
        }
        store.firstDocument(c, s.uuid()).ifPresent(h -> out.put(h, VisitorKeys.Kind.DOC));
        store.shopAddress(c, s.uuid()).ifPresent(a -> out.put(a[0], ShopConsent.addressKind(a)));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static void put(Map<String, VisitorKeys.Kind> out, String hash, VisitorKeys.Kind kind) {
        if (hash != null) {
            out.put(hash, kind);
        }
    }
}
