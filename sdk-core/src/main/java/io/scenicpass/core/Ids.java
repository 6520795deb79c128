package io.scenicpass.core;

import io.scenicpass.core.internal.text.Crockford;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Identifiers: UUIDv7 event ids (RFC 9562; monotonic within this instance) and pass ids
 * (64 random bits as 13 Crockford base32 characters, e.g. {@code 0J5W2R8ZK3M9Q}, which a pass carries
 * as 8 bytes). Thread-safe.
 */
public final class Ids {
    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = -1;
    private long counter;

    /** Ids from this clock and random source. */
    public Ids(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A time-ordered UUIDv7: 48-bit Unix milliseconds, 12-bit counter, 62 random bits. */
    public synchronized UUID uuidV7() {
        long ms = clock.millis();
        if (ms > lastMillis) {
            lastMillis = ms;
            counter = random.nextInt(1 << 11);
        } else {
            counter++;
            if (counter >= (1 << 12)) {
                lastMillis++;
                counter = 0;
            }
        }
        long msb = (lastMillis & 0xFFFFFFFFFFFFL) << 16 | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A UUIDv7 as a string, for {@link EntryEvent#eventId()}. */
    public String eventId() {
        return uuidV7().toString();
    }

    /**
     * A {@link #uuidV7()} as 26 Crockford base32 characters (e.g. {@code 01JDK3M5T8Q9W0000G3Y5Z7A8B}): unique, and
     * in string order the order of creation, so an index over such ids grows at its right edge instead of touching
     * a random page per insert (what the server's booking supplier references are).
     */
    public String sortableId() {
        UUID u = uuidV7();
        return Crockford.encode64(u.getMostSignificantBits()) + Crockford.encode64(u.getLeastSignificantBits());
    }

    /** A random pass id: 13 Crockford base32 characters (64 bits). */
    public String passId() {
        return Crockford.encode64(random.nextLong());
    }

    /** True if {@code id} is in the compact pass id format of {@link #passId()}. */
    public static boolean isCompactPassId(String id) {
        return id != null && Crockford.isCanonical64(id);
    }
}
