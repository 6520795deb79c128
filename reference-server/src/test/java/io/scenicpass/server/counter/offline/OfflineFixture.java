package io.scenicpass.server.counter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.counter.DelegatedSigner;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A server with one product ({@value #PRODUCT}: hourly slots of 10 places, ADULT 10000 and CHILD 5000 fen) and enrolled
 * box offices, each with its delegated signing key certified by the server (the real DelegatedSigner).
 */
final class OfflineFixture {
    static final String PRODUCT = "cable";
    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    final TestServer ts;
    private final Path dir;

    OfflineFixture(TestServer ts, Path dir) {
        this.ts = ts;
        this.dir = dir;
    }

    /** The test server on H2 in {@code dir}, with the product. */
    static OfflineFixture h2(Path dir) {
        OfflineFixture f = new OfflineFixture(TestServer.h2(dir.resolve("server")), dir);
        f.product();
        return f;
    }

    void product() {
        ts.product(PRODUCT, "Asia/Shanghai", LocalTime.of(9, 0), LocalTime.of(17, 0), 60, 10, false, 0, null);
    }

    /** An enrolled device with its delegated signer (certified by the server for a box office). */
    static final class Box {
        final DeviceCredentials creds;
        final DelegatedSigner signer;
        private int serial;

        Box(DeviceCredentials creds, DelegatedSigner signer) {
            this.creds = creds;
            this.signer = signer;
        }

        String id() {
            return creds.deviceId();
        }

        synchronized String nextPassId() {
            return signer.passId(++serial);
        }
    }

    /** Enrolls a box office (at a desk of its own name) and certifies its delegated signing key. */
    Box enroll(String name) {
        DeviceCredentials creds = credentials(name, "BOX_OFFICE");
        DelegatedSigner signer = DelegatedSigner.open(
                dir.resolve("signer-" + name + "-" + System.nanoTime()),
                "box-pass".toCharArray(),
                ts.clock,
                new SecureRandom());
        signer.certify(creds, ts.http);
        return new Box(creds, signer);
    }

    /** Enrolls a device of {@code role} (GATE, KIOSK, BOX_OFFICE) without a signing key. */
    Box enroll(String name, String role) {
        return new Box(credentials(name, role), null);
    }

    private DeviceCredentials credentials(String name, String role) {
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate(name, name, "park", "IN"));
        TestServer.Answer a = ts.post(
                "/admin/v1/enrollment-tokens",
                TestServer.ADMIN,
                "{\"gateId\":\"" + name + "\",\"label\":\"test\",\"role\":\"" + role + "\"}");
        if (a.status() != 201) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return new Provisioning(new CredentialStore(dir.resolve(name + "-" + System.nanoTime() + ".json")))
                .enroll(a.json().get("enrollmentCode").asText(), name, "SP-TEST");
    }

    /** The product's slots on {@link #DAY}, in order. */
    List<InventoryService.SlotView> slots() {
        CatalogueService.ProductView pv = ts.server.catalogue().product(PRODUCT, null);
        return ts.server
                .inventory()
                .availability(pv.product(), pv.defaultOption().option(), DAY, DAY, null);
    }

    Slot slot(int i) {
        return ts.server.inventory().findSlot(slots().get(i).slot().id()).orElseThrow();
    }

    TestServer.Answer putAllotment(String deviceId, String slotId, int quantity) {
        return ts.send(
                "PUT",
                "/admin/v1/counter/allotments",
                TestServer.ADMIN,
                "{\"deviceId\":\"" + deviceId + "\",\"slotId\":\"" + slotId + "\",\"quantity\":" + quantity + "}",
                Map.of());
    }

    TestServer.Answer device(String method, String path, Box d, String json) {
        return ts.send(
                method,
                path,
                null,
                json,
                Map.of("Authorization", WireHeaders.AUTHORIZATION_SCHEME + " " + d.creds.deviceToken()));
    }

    /** A pass as a box office signs it for {@code slot}: the claims the allotment's template gives. */
    static String pass(Box box, String passId, Slot slot, java.time.Instant now) {
        Claims claims = Claims.builder()
                .passId(passId)
                .issuerId("area-1")
                .productId(PRODUCT)
                .kind(PassKind.TIMED_SLOT)
                .validFrom(slot.startAt())
                .validUntil(slot.endAt())
                .entriesAllowed(1)
                .reentry(ReentryPolicy.SINGLE)
                .partySize(1)
                .zone("park", 1)
                .issuedAt(now)
                .build();
        return box.signer.sign(claims).text();
    }

    /** The sale id (a UUID, as a device makes it) a test names {@code name}. */
    static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One sale's JSON, named {@code name}: ADULT units, one pass each (signed for {@code passSlot}). */
    String sale(Box box, String name, Slot slot, int adults, Slot passSlot) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < adults; i++) {
            String passId = box.nextPassId();
            items.append(i == 0 ? "" : ",")
                    .append("{\"unitId\":\"" + PRODUCT + "-adult\",\"passId\":\"" + passId + "\",\"passText\":\"")
                    .append(pass(box, passId, passSlot, ts.clock.instant()))
                    .append("\"}");
        }
        return "{\"saleId\":\"" + id(name) + "\",\"slotId\":\"" + slot.id() + "\",\"productId\":\"" + PRODUCT
                + "\",\"items\":[" + items + "],\"amountFen\":" + (adults * 10000L)
                + ",\"method\":\"CASH\",\"soldAt\":\"" + ts.clock.instant() + "\"}";
    }

    String sale(Box box, String name, Slot slot, int adults) {
        return sale(box, name, slot, adults, slot);
    }

    /** POSTs the sales as one batch and returns the results. */
    JsonNode sync(Box d, String... sales) {
        TestServer.Answer a = device(
                "POST", "/terminal/v1/counter/offline-sales", d, "{\"sales\":[" + String.join(",", sales) + "]}");
        if (a.status() != 200) {
            throw new AssertionError(a.status() + " " + a.body());
        }
        return a.json().get("results");
    }
}
