package io.scenicpass.core;

import io.scenicpass.core.internal.text.Hex;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deterministic sample passes of every kind (also the test vectors of docs/protocol.md). */
public final class PassSamples {
    /** Seed of the sample issuer key (RFC 8032 test 1 secret key). */
    public static final String SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    /** Binding key of the sample area. */
    public static final byte[] BINDING_KEY =
            Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static final Instant DAY = Instant.parse("2026-07-01T00:00:00Z");
    static final Instant ISSUED = Instant.parse("2026-06-28T09:41:00Z");

    private PassSamples() {}

    /** The sample issuer key. */
    public static IssuerKey key() {
        return IssuerKey.fromSeed(Hex.decode(SEED_HEX));
    }

    /** Standard timed single-entry pass: area HS, product T1, slot 10:00-11:00, bought 3 days before. */
    public static Claims timed() {
        return Claims.builder()
                .passId("0J5W2R8ZK3M9Q")
                .issuerId("HS")
                .productId("T1")
                .kind(PassKind.TIMED_SLOT)
                .validFrom(at("10:00"))
                .validUntil(at("11:00"))
                .issuedAt(ISSUED)
                .build();
    }

    /** One sample per kind, in table order. */
    public static Map<String, Claims> all() {
        byte[] binding = HolderBinding.of(BINDING_KEY, DocumentType.CN_ID, "11010519491231002X");
        Map<String, Claims> m = new LinkedHashMap<>();
        m.put("TIMED_SLOT (standard: 1 entry, slot = validity)", timed());
        m.put(
                "TIMED_SLOT in a day window, slot 10:00-11:00",
                base(PassKind.TIMED_SLOT)
                        .validFrom(DAY)
                        .validUntil(DAY.plusSeconds(86400))
                        .slot(at("10:00"), at("11:00"))
                        .build());
        m.put("SINGLE_ENTRY, one day", base(PassKind.SINGLE_ENTRY).build());
        m.put(
                "DAY, unlimited re-entry after exit",
                base(PassKind.DAY)
                        .entriesAllowed(0)
                        .reentry(ReentryPolicy.AFTER_EXIT)
                        .build());
        m.put(
                "DAY, 3 zones with allowances (one code for the park)",
                base(PassKind.DAY)
                        .entriesAllowed(0)
                        .reentry(ReentryPolicy.AFTER_EXIT)
                        .zone("MAIN", 0)
                        .zone("CABLE", 2)
                        .zone("11", 1)
                        .build());
        m.put(
                "MULTI_DAY, 3 days, concession, channel 27",
                base(PassKind.MULTI_DAY)
                        .validUntil(DAY.plusSeconds(3 * 86400))
                        .entriesAllowed(0)
                        .reentry(ReentryPolicy.AFTER_EXIT)
                        .concession(true)
                        .channelId("27")
                        .build());
        m.put(
                "ANNUAL, holder-bound",
                base(PassKind.ANNUAL)
                        .validUntil(Instant.parse("2027-07-01T00:00:00Z"))
                        .entriesAllowed(0)
                        .reentry(ReentryPolicy.UNLIMITED)
                        .holderBinding(binding)
                        .build());
        m.put(
                "GROUP of 25, channel OTA-CTRIP",
                base(PassKind.GROUP).partySize(25).channelId("OTA-CTRIP").build());
        return m;
    }

    private static Claims.Builder base(PassKind kind) {
        return Claims.builder()
                .passId("0J5W2R8ZK3M9Q")
                .issuerId("HS")
                .productId("T1")
                .kind(kind)
                .validFrom(DAY)
                .validUntil(DAY.plusSeconds(86400))
                .issuedAt(ISSUED);
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-07-01T" + hhmm + ":00Z");
    }

    /** Prints the size table (markdown) and the vectors. */
    public static void main(String[] args) {
        PassIssuer issuer = new PassIssuer(key());
        System.out.println("| pass | claims bytes | COSE bytes | text chars |");
        System.out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, Claims> e : all().entrySet()) {
            Pass p = issuer.issue(e.getValue());
            System.out.println("| " + e.getKey() + " | " + p.cose().payload().length + " | " + p.encodedLength() + " | "
                    + p.text().length() + " |");
        }
        for (Map.Entry<String, Claims> e : all().entrySet()) {
            System.out.println(e.getKey() + "\n" + issuer.issue(e.getValue()).text());
        }
    }
}
