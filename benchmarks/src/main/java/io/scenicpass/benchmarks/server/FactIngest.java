package io.scenicpass.benchmarks.server;

import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EnrollmentRequest;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.http.OctoCommands;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingestion of visitor facts for {@link MeasuresScale}: gate entries and exits through the server's real path
 * ({@code EntryService.ingest}, what {@code POST /terminal/v1/entries} runs, then the hub's feed taking them in:
 * the new bookings linked to visitors, visits rebuilt, tags refreshed)
 * against the floor — the same rows put into {@code entry_event} with one JDBC batch in one transaction.
 */
final class FactIngest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final Instant SLOT_START = Instant.parse("2026-06-02T02:00:00Z");
    static final int PARTY = 4;
    static final int BATCH = 500;

    private final ScenicPassServer server;
    private final Channel channel;
    private final DeviceRow device;
    private int round;

    FactIngest(ScenicPassServer server) {
        this.server = server;
        BenchServer.timedProduct(server, "tour-live", "Tour");
        server.admin().putZone(new SiteStore.Zone("park", "Park"));
        server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "BOTH"));
        channel = server.channels().create(new Channel("ingest", "ingest", "OTA", null, null, 100_000, 100_000, true));
        String code = server.devices()
                .createToken("gate-a", "bench", Duration.ofHours(1), server.baseUrl())
                .token();
        String token = server.devices()
                .enroll(new EnrollmentRequest(code, "bench gate", "bench"))
                .deviceToken();
        device = server.devices().authenticate("Device " + token);
    }

    /** Issues {@code bookings} confirmed bookings of 4 through the real booking path (not timed); their passes. */
    List<String> issue(int bookings) throws Exception {
        round++;
        for (int b = 0; b < bookings; b++) {
            String uuid = "live-" + round + "-" + b;
            List<UnitItemRequest> units = new ArrayList<>();
            for (int u = 0; u < PARTY; u++) {
                units.add(new UnitItemRequest().unitId("tour-live-adult"));
            }
            server.bookings()
                    .reserve(
                            channel,
                            OctoCommands.reserve(new BookingReservationRequest()
                                    .uuid(uuid)
                                    .productId("tour-live")
                                    .optionId("tour-live-opt")
                                    .availabilityId(SLOT)
                                    .unitItems(units)));
            server.bookings().confirm(channel, uuid, OctoCommands.confirm(new BookingConfirmationRequest()));
        }
        List<String> passes = new ArrayList<>();
        try (Connection c = server.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pass_id FROM pass WHERE booking_uuid LIKE ?")) {
            ps.setString(1, "live-" + round + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    passes.add(rs.getString(1));
                }
            }
        }
        return passes;
    }

    /** An entry of each pass, then (next uploads) an exit 2 h later, through the real path; the time in ns. */
    long ingest(List<String> passes) {
        List<EntryEvent> events = events(passes);
        long t = System.nanoTime();
        for (int i = 0; i < events.size(); i += BATCH) {
            server.entries()
                    .ingest(device, new EntryBatch(device.id(), events.subList(i, Math.min(events.size(), i + BATCH))));
        }
        server.visitors().feed().catchUp(); // the hub takes them in: bookings linked, visits rebuilt, tags refreshed
        return System.nanoTime() - t;
    }

    /** The floor: as many rows into {@code entry_event} in one JDBC batch and transaction; the time in ns. */
    long floor(List<String> passes) throws Exception {
        List<EntryEvent> events = events(passes);
        long now = server.clock().instant().toEpochMilli();
        long t = System.nanoTime();
        try (Connection c = server.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry_event(event_id, device_id, gate_id,"
                    + " zone_id, pass_id, direction, credential_type, verdict, reason, device_time, corrected_time,"
                    + " offline, party_count, status, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (EntryEvent e : events) {
                    ps.setString(1, "floor-" + e.eventId());
                    ps.setString(2, e.deviceId());
                    ps.setString(3, e.gateId());
                    ps.setString(4, e.zoneId());
                    ps.setString(5, e.passId());
                    ps.setString(6, e.direction().name());
                    ps.setString(7, e.credentialType().name());
                    ps.setString(8, e.verdict().name());
                    ps.setString(9, e.reason());
                    ps.setLong(10, e.deviceTime().toEpochMilli());
                    ps.setLong(11, e.correctedTime().toEpochMilli());
                    ps.setBoolean(12, e.offline());
                    ps.setInt(13, e.partyCount());
                    ps.setString(14, "ACCEPTED");
                    ps.setLong(15, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return System.nanoTime() - t;
    }

    private List<EntryEvent> events(List<String> passes) {
        List<EntryEvent> events = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            events.add(event(passes.get(i), Direction.IN, SLOT_START.plusSeconds(i)));
        }
        for (int i = 0; i < passes.size(); i++) {
            events.add(event(passes.get(i), Direction.OUT, SLOT_START.plusSeconds(7200 + i)));
        }
        return events;
    }

    private EntryEvent event(String passId, Direction dir, Instant at) {
        return EntryEvent.builder()
                .eventId(passId + "-" + dir)
                .passId(passId)
                .gateId("gate-a")
                .deviceId(device.id())
                .zoneId("park")
                .direction(dir)
                .credentialType(CredentialType.QR)
                .verdict(Verdict.ADMIT)
                .reason("OK")
                .deviceTime(at)
                .correctedTime(at)
                .offline(true)
                .partyCount(1)
                .build();
    }
}
