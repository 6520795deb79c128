package io.scenicpass.benchmarks.server;

import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EnrollmentRequest;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.http.OctoCommands;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the entry-ingestion benchmarks share ({@link EntryIngestBenchmark}, {@link FactIngest}): a timed product on
 * zone {@code park}, gate {@code gate-a} (BOTH) with an enrolled device, a channel; passes issued through the real
 * booking path; gate events as that device records them; and the floor, the same rows put into
 * {@code entry_event} with one JDBC batch in one transaction.
 */
final class IngestFixture {
    /** The slot every booking takes (2 June 2026, 10:00 in the park), and its start. */
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    static final Instant SLOT_START = Instant.parse("2026-06-02T02:00:00Z");

    final ScenicPassServer server;
    final String product;
    final Channel channel;
    final DeviceRow device;
    final String deviceToken;

    /** Sets up product {@code product} (see {@link BenchServer#timedProduct}), the gate and its device, {@code ch}. */
    IngestFixture(ScenicPassServer server, String product, Channel ch) {
        this.server = server;
        this.product = product;
        BenchServer.timedProduct(server, product, product);
        server.admin().putZone(new SiteStore.Zone("park", "Park"));
        server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "BOTH"));
        channel = server.channels().create(ch);
        String code = server.devices()
                .createToken("gate-a", "bench", Duration.ofHours(1), server.baseUrl())
                .token();
        deviceToken = server.devices()
                .enroll(new EnrollmentRequest(code, "bench gate", "bench"))
                .deviceToken();
        device = server.devices().authenticate("Device " + deviceToken);
    }

    /**
     * Confirms {@code bookings} bookings of {@code party} adults, uuids {@code prefix-0, prefix-1, ...}, through the
     * real booking path (reserve, confirm); their passes.
     */
    List<String> issue(String prefix, int bookings, int party) throws SQLException {
        for (int b = 0; b < bookings; b++) {
            String uuid = prefix + "-" + b;
            List<UnitItemRequest> units = new ArrayList<>();
            for (int u = 0; u < party; u++) {
                units.add(new UnitItemRequest().unitId(product + "-adult"));
            }
            server.bookings()
                    .reserve(
                            channel,
                            OctoCommands.reserve(new BookingReservationRequest()
                                    .uuid(uuid)
                                    .productId(product)
                                    .optionId(product + "-opt")
                                    .availabilityId(SLOT)
                                    .unitItems(units)));
            server.bookings().confirm(channel, uuid, OctoCommands.confirm(new BookingConfirmationRequest()));
        }
        List<String> passes = new ArrayList<>();
        try (Connection c = server.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pass_id FROM pass WHERE booking_uuid LIKE ?")) {
            ps.setString(1, prefix + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    passes.add(rs.getString(1));
                }
            }
        }
        return passes;
    }

    /** A QR scan at gate A as its device records it (offline, corrected time = device time, party of 1). */
    EntryEvent event(String eventId, String passId, Direction dir, Verdict verdict, String reason, Instant at) {
        return EntryEvent.builder()
                .eventId(eventId)
                .passId(passId)
                .gateId("gate-a")
                .deviceId(device.id())
                .zoneId("park")
                .direction(dir)
                .credentialType(CredentialType.QR)
                .verdict(verdict)
                .reason(reason)
                .deviceTime(at)
                .correctedTime(at)
                .offline(true)
                .partyCount(1)
                .build();
    }

    /** The floor: {@code events} into {@code entry_event} (ACCEPTED, received at {@code receivedAt}), one batch. */
    int rawInsert(List<EntryEvent> events, long receivedAt) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO entry_event(event_id, device_id, gate_id,"
                            + " zone_id, pass_id, direction, credential_type, verdict, reason, device_time, corrected_time,"
                            + " offline, party_count, status, message, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (EntryEvent e : events) {
                    ps.setString(1, e.eventId());
                    ps.setString(2, device.id());
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
                    ps.setString(15, null);
                    ps.setLong(16, receivedAt);
                    ps.addBatch();
                }
                int n = ps.executeBatch().length;
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
