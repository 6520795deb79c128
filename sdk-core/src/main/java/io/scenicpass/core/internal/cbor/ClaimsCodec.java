package io.scenicpass.core.internal.cbor;

import static io.scenicpass.core.internal.cbor.ClaimsValues.at;
import static io.scenicpass.core.internal.cbor.ClaimsValues.bool;
import static io.scenicpass.core.internal.cbor.ClaimsValues.bytes;
import static io.scenicpass.core.internal.cbor.ClaimsValues.id;
import static io.scenicpass.core.internal.cbor.ClaimsValues.ints;
import static io.scenicpass.core.internal.cbor.ClaimsValues.keyOf;
import static io.scenicpass.core.internal.cbor.ClaimsValues.passId;
import static io.scenicpass.core.internal.cbor.ClaimsValues.uint;
import static io.scenicpass.core.internal.cbor.ClaimsValues.zones;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.scenicpass.core.Claims;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.core.internal.text.Crockford;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/** The claims map of a pass: small integer keys, compact values. The key table is in docs/protocol.md. */
public final class ClaimsCodec {
    static final int VERSION = 0;
    static final int PASS_ID = 1;
    static final int ISSUER = 2;
    static final int PRODUCT = 3;
    static final int KIND = 4;
    static final int TIMES = 5;
    static final int SLOT = 6;
    static final int ENTRIES = 7;
    static final int REENTRY = 8;
    static final int ZONES = 9;
    static final int PARTY = 10;
    static final int BINDING = 11;
    static final int CONCESSION = 12;
    static final int CHANNEL = 13;
    static final int ONLINE_PREFERRED = 14;
    static final int MIN_AGE = 15;
    static final int MAX_AGE = 16;
    static final int ENTRIES_PER_DAY = 17;
    static final int DAYS_ALLOWED = 18;
    static final int NOT_ACTIVATED = 19;
    /** Kind assumed when key 4 is absent (the most common pass). */
    public static final PassKind DEFAULT_KIND = PassKind.TIMED_SLOT;

    private static final long MAX_MINUTES = 1L << 40;

    private ClaimsCodec() {}

    /** Encodes claims deterministically (ascending keys, defaults omitted). */
    public static byte[] encode(Claims c) {
        long from = minutes(c.validFrom());
        boolean kind = c.kind() != DEFAULT_KIND;
        boolean slot = c.slotStart().isPresent()
                && !(c.kind() == PassKind.TIMED_SLOT
                        && c.slotStart().get().equals(c.validFrom())
                        && c.slotEnd().get().equals(c.validUntil()));
        boolean entries = c.entriesAllowed() != 1;
        boolean reentry = c.reentry() != ReentryPolicy.SINGLE;
        boolean zones = !c.zones().isEmpty();
        boolean party = c.partySize() != 1;
        int count = 4
                + n(kind)
                + n(slot)
                + n(entries)
                + n(reentry)
                + n(zones)
                + n(party)
                + n(c.holderBinding().isPresent())
                + n(c.concession())
                + n(c.channelId().isPresent())
                + n(c.onlinePreferred())
                + n(c.minAge().isPresent())
                + n(c.maxAge().isPresent())
                + n(c.entriesPerDay() != 0)
                + n(c.daysAllowed() != 0)
                + n(c.activationRequired());
        return Cbor.encode(g -> {
            g.writeStartObject(null, count);
            g.writeFieldId(PASS_ID);
            if (Crockford.isCanonical64(c.passId())) {
                g.writeBinary(ByteBuffer.allocate(8)
                        .putLong(Crockford.decode64(c.passId()))
                        .array());
            } else {
                g.writeString(c.passId());
            }
            writeId(g, ISSUER, c.issuerId());
            writeId(g, PRODUCT, c.productId());
            if (kind) {
                g.writeFieldId(KIND);
                g.writeNumber(c.kind().ordinal());
            }
            g.writeFieldId(TIMES);
            g.writeStartArray(null, 3);
            g.writeNumber(from);
            g.writeNumber(minutes(c.validUntil()) - from);
            g.writeNumber(from - minutes(c.issuedAt()));
            g.writeEndArray();
            if (slot) {
                g.writeFieldId(SLOT);
                g.writeStartArray(null, 2);
                g.writeNumber(minutes(c.slotStart().get()) - from);
                g.writeNumber(minutes(c.slotEnd().get()) - minutes(c.slotStart().get()));
                g.writeEndArray();
            }
            if (entries) {
                g.writeFieldId(ENTRIES);
                g.writeNumber(c.entriesAllowed());
            }
            if (reentry) {
                g.writeFieldId(REENTRY);
                g.writeNumber(c.reentry().ordinal());
            }
            if (zones) {
                g.writeFieldId(ZONES);
                g.writeStartArray(null, c.zones().size() * 2);
                for (ZoneAllowance z : c.zones()) {
                    writeIdValue(g, z.zoneId());
                    g.writeNumber(z.entries());
                }
                g.writeEndArray();
            }
            if (party) {
                g.writeFieldId(PARTY);
                g.writeNumber(c.partySize());
            }
            if (c.holderBinding().isPresent()) {
                g.writeFieldId(BINDING);
                g.writeBinary(c.holderBinding().get());
            }
            if (c.concession()) {
                g.writeFieldId(CONCESSION);
                g.writeBoolean(true);
            }
            if (c.channelId().isPresent()) {
                writeId(g, CHANNEL, c.channelId().get());
            }
            if (c.onlinePreferred()) {
                g.writeFieldId(ONLINE_PREFERRED);
                g.writeBoolean(true);
            }
            if (c.minAge().isPresent()) {
                g.writeFieldId(MIN_AGE);
                g.writeNumber(c.minAge().getAsInt());
            }
            if (c.maxAge().isPresent()) {
                g.writeFieldId(MAX_AGE);
                g.writeNumber(c.maxAge().getAsInt());
            }
            if (c.entriesPerDay() != 0) {
                g.writeFieldId(ENTRIES_PER_DAY);
                g.writeNumber(c.entriesPerDay());
            }
            if (c.daysAllowed() != 0) {
                g.writeFieldId(DAYS_ALLOWED);
                g.writeNumber(c.daysAllowed());
            }
            if (c.activationRequired()) {
                g.writeFieldId(NOT_ACTIVATED);
                g.writeBoolean(true);
            }
            g.writeEndObject();
        });
    }

    private static int n(boolean b) {
        return b ? 1 : 0;
    }

    private static long minutes(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }

    private static void writeId(CBORGenerator g, int key, String id) throws IOException {
        g.writeFieldId(key);
        writeIdValue(g, id);
    }

    /**
     * Canonical decimal ids (no sign, no leading zero, up to 18 digits) travel as unsigned integers, issuer
     * codes ({@code #n}, see {@link io.scenicpass.core.PassCodes}) as negative integers {@code -1 - n}.
     */
    private static void writeIdValue(CBORGenerator g, String id) throws IOException {
        if (isCanonicalDecimal(id)) {
            g.writeNumber(Long.parseLong(id));
        } else if (id.length() > 1 && id.charAt(0) == '#' && isCanonicalDecimal(id.substring(1))) {
            g.writeNumber(-1 - Long.parseLong(id.substring(1)));
        } else {
            g.writeString(id);
        }
    }

    static boolean isCanonicalDecimal(String s) {
        int len = s.length();
        if (len == 0 || len > 18 || (len > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes a claims map; unknown keys are ignored.
     *
     * @throws ScenicPassException MALFORMED, or UNSUPPORTED_VERSION if key 0 announces another format
     */
    public static Claims decode(byte[] payload) {
        try (CBORParser p = Cbor.parser(payload)) {
            Cbor.expect(p, JsonToken.START_OBJECT);
            Claims.Builder b = Claims.builder().kind(DEFAULT_KIND);
            long seen = 0;
            long from = -1;
            long validFor = 0;
            long issuedBefore = 0;
            long[] slot = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                int key = keyOf(p.currentName());
                p.nextToken();
                Cbor.noTag(p);
                if (key >= 0 && key < 64) {
                    if ((seen & (1L << key)) != 0) {
                        throw Cbor.malformed("duplicate claim " + key);
                    }
                    seen |= 1L << key;
                }
                switch (key) {
                    case VERSION:
                        long v = uint(p, Integer.MAX_VALUE);
                        if (v != 1) {
                            throw new ScenicPassException(ErrorCode.UNSUPPORTED_VERSION, "pass format " + v);
                        }
                        break;
                    case PASS_ID:
                        b.passId(passId(p));
                        break;
                    case ISSUER:
                        b.issuerId(id(p));
                        break;
                    case PRODUCT:
                        b.productId(id(p));
                        break;
                    case KIND:
                        b.kind(PassKind.values()[(int) uint(p, PassKind.values().length - 1)]);
                        break;
                    case TIMES:
                        long[] times = ints(p, 3);
                        from = times[0];
                        validFor = times[1];
                        issuedBefore = times[2];
                        break;
                    case SLOT:
                        slot = ints(p, 2);
                        break;
                    case ENTRIES:
                        b.entriesAllowed((int) uint(p, Integer.MAX_VALUE));
                        break;
                    case REENTRY:
                        b.reentry(ReentryPolicy.values()[(int) uint(p, ReentryPolicy.values().length - 1)]);
                        break;
                    case ZONES:
                        b.zones(zones(p));
                        break;
                    case PARTY:
                        b.partySize((int) uint(p, Integer.MAX_VALUE));
                        break;
                    case BINDING:
                        b.holderBinding(bytes(p));
                        break;
                    case CONCESSION:
                        b.concession(bool(p, "concession"));
                        break;
                    case CHANNEL:
                        b.channelId(id(p));
                        break;
                    case ONLINE_PREFERRED:
                        b.onlinePreferred(bool(p, "online preferred"));
                        break;
                    case MIN_AGE:
                        b.minAge((int) uint(p, 150));
                        break;
                    case MAX_AGE:
                        b.maxAge((int) uint(p, 150));
                        break;
                    case ENTRIES_PER_DAY:
                        b.entriesPerDay((int) uint(p, Integer.MAX_VALUE));
                        break;
                    case DAYS_ALLOWED:
                        b.daysAllowed((int) uint(p, Integer.MAX_VALUE));
                        break;
                    case NOT_ACTIVATED:
                        b.activationRequired(bool(p, "not activated"));
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw Cbor.malformed("claims must be one map");
            }
            if (from < 0
                    || from >= MAX_MINUTES
                    || validFor <= 0
                    || validFor >= MAX_MINUTES
                    || Math.abs(issuedBefore) >= MAX_MINUTES) {
                throw Cbor.malformed("missing or out-of-range times");
            }
            b.validFrom(at(from)).validUntil(at(from + validFor)).issuedAt(at(from - issuedBefore));
            if (slot != null) {
                if (Math.abs(slot[0]) >= MAX_MINUTES || slot[1] <= 0 || slot[1] >= MAX_MINUTES) {
                    throw Cbor.malformed("slot out of range");
                }
                b.slot(at(from + slot[0]), at(from + slot[0] + slot[1]));
            }
            return b.build();
        } catch (ScenicPassException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Cbor.malformed("claims are not a valid claims map");
        }
    }
}
