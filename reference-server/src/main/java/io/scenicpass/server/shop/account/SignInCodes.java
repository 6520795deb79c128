package io.scenicpass.server.shop.account;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import io.scenicpass.server.shop.account.store.SignInCodeStore;
import io.scenicpass.server.web.PageRefusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Sign-in by one-time code: a 6-digit code, valid 10 minutes, 5 tries; at most 5 codes an hour per address and 20 per
 * internet address. The first successful sign-in of an address makes its account. Refusals are typed
 * ({@link PageRefusal}): {@code INVALID_ADDRESS}, {@code TOO_MANY_CODES}, {@code CODE_WRONG}, {@code CODE_EXPIRED},
 * {@code CODE_LOCKED}, {@code CODE_UNKNOWN}, {@code SEND_FAILED}.
 */
public final class SignInCodes {
    public static final Duration VALID = Duration.ofMinutes(10);
    public static final int TRIES = 5;
    public static final int PER_ADDRESS_HOUR = 5;
    public static final int PER_IP_HOUR = 20;
    /** Codes an hour per internet address ({@code shop.codesPerIpHour}; raised for a load test from one machine). */
    private final int perIpHour;

    private static final long WRONG = -1;

    private final Database db;
    private final IdentityKeys keys;
    private final Clock clock;
    private final SecureRandom random;
    private final CodeSender sender;
    private final SignInCodeStore codes = new SignInCodeStore();
    private final ShopVisitorStore visitors = new ShopVisitorStore();

    public SignInCodes(
            Database db, IdentityKeys keys, Clock clock, SecureRandom random, CodeSender sender, int perIpHour) {
        this.perIpHour = perIpHour;
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.random = random;
        this.sender = sender;
    }

    /** Sends a new code to {@code typed} asked from {@code ip}; the code's id (kept on the session). */
    public String request(String typed, String ip, String lang) {
        Address a = Address.parse(typed).orElseThrow(() -> new PageRefusal(400, "INVALID_ADDRESS"));
        String addressHash = keys.digest(a.hashText());
        String ipHash = keys.digest("shop-ip:" + ip);
        long now = clock.millis();
        String id = token(16);
        String code = String.format("%06d", random.nextInt(1_000_000));
        db.tx(c -> {
            long hourAgo = now - Duration.ofHours(1).toMillis();
            if (codes.countForAddress(c, addressHash, hourAgo) >= PER_ADDRESS_HOUR
                    || codes.countForIp(c, ipHash, hourAgo) >= perIpHour) {
                throw new PageRefusal(429, "TOO_MANY_CODES");
            }
            codes.insert(
                    c,
                    id,
                    addressHash,
                    keys.encrypt(a.kind() + ":" + a.value(), "shop_code:" + id),
                    ipHash,
                    codeHash(id, code),
                    now,
                    now + VALID.toMillis());
            return null;
        });
        try {
            sender.send(a, code, lang);
        } catch (RuntimeException e) {
            throw new PageRefusal(503, "SEND_FAILED");
        }
        return id;
    }

    /** The masked address a pending code went to (for the code page). */
    public String maskedAddressOf(String codeId) {
        return db.read(c -> codes.find(c, codeId)).map(r -> address(r).masked()).orElse("");
    }

    /** Checks the code; the visitor's account id (made on first sign-in). */
    public long verify(String codeId, String typedCode, String lang) {
        String code = typedCode == null ? "" : typedCode.strip();
        long now = clock.millis();
        long id = db.tx(c -> {
            SignInCodeStore.Row r = codes.lock(c, codeId).orElseThrow(() -> new PageRefusal(400, "CODE_UNKNOWN"));
            if (r.usedAt() != null || r.expiresAt() <= now) {
                throw new PageRefusal(400, "CODE_EXPIRED");
            }
            if (r.attempts() >= TRIES) {
                throw new PageRefusal(429, "CODE_LOCKED");
            }
            if (!MessageDigest.isEqual(
                    codeHash(codeId, code).getBytes(StandardCharsets.US_ASCII),
                    r.codeHash().getBytes(StandardCharsets.US_ASCII))) {
                codes.countAttempt(c, codeId);
                return WRONG; // the try is counted (committed); the refusal comes after the transaction
            }
            codes.markUsed(c, codeId, now);
            Address a = address(r);
            return visitors.byAddress(c, r.addressHash())
                    .map(ShopVisitorStore.Row::id)
                    .orElseGet(() -> {
                        try {
                            return visitors.insert(
                                    c,
                                    r.addressHash(),
                                    a.kind().name(),
                                    keys.encrypt(a.value(), "shop_visitor:" + r.addressHash()),
                                    lang,
                                    now);
                        } catch (java.sql.SQLException e) {
                            throw new io.scenicpass.server.db.StoreException(e);
                        }
                    });
        });
        if (id == WRONG) {
            throw new PageRefusal(400, "CODE_WRONG");
        }
        return id;
    }

    /** The signed-in visitor of an account id. */
    public java.util.Optional<ShopVisitor> visitor(long id) {
        return db.read(c -> visitors.byId(c, id)).map(r -> {
            Address a = new Address(
                    Address.Kind.valueOf(r.kind()), keys.decrypt(r.contactEnc(), "shop_visitor:" + r.addressHash()));
            return new ShopVisitor(r.id(), a.kind(), a.masked(), r.lang());
        });
    }

    /** Deletes codes older than a day (a job). */
    public int purge() {
        return db.tx(
                c -> codes.purgeBefore(c, clock.millis() - Duration.ofDays(1).toMillis()));
    }

    private Address address(SignInCodeStore.Row r) {
        String plain = keys.decrypt(r.addressEnc(), "shop_code:" + r.id());
        int colon = plain.indexOf(':');
        return new Address(Address.Kind.valueOf(plain.substring(0, colon)), plain.substring(colon + 1));
    }

    private String codeHash(String id, String code) {
        return keys.digest("shop-code:" + id + ":" + code);
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
