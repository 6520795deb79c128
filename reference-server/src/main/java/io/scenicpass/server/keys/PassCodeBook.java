package io.scenicpass.server.keys;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodes;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.server.db.Database;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The area's pass codes (see {@link PassCodeStore}): issuance encodes claims with them, the server's own
 * readers of pass texts (entry ingestion, online checks) resolve them back to ids, gates and third parties
 * get the whole book in the signed key set. Codes only ever grow, so the cached book is read
 * again only when a pass names a code it lacks.
 */
public final class PassCodeBook {
    private final Database db;
    private final PassCodeStore store = new PassCodeStore();
    private volatile PassCodes cached = PassCodes.NONE;

    public PassCodeBook(Database db) {
        this.db = db;
    }

    /**
     * The claims as issued: ids replaced by codes, new ids given codes in the caller's transaction. The cached
     * book (committed codes only: an uncommitted code may still roll back) saves the look-ups of known ids.
     */
    public Claims encode(Connection c, Claims claims) throws SQLException {
        Claims known = cached.encode(claims);
        return allCoded(known) ? known : store.encode(c, claims);
    }

    /** The whole book as stored now. */
    public PassCodes book() {
        return db.read(this::book);
    }

    /** How many codes the caller's transaction sees. */
    public long count(Connection c) throws SQLException {
        return store.count(c);
    }

    /** The whole book as the caller's transaction sees it (never one that gave codes: they may roll back). */
    public PassCodes book(Connection c) throws SQLException {
        PassCodes b = store.book(c);
        cached = b;
        return b;
    }

    /** The claims with their codes replaced by ids, read in the caller's transaction. */
    public Claims resolve(Connection c, Claims claims) throws SQLException {
        Claims r = cached.resolve(claims);
        return hasCode(r) ? book(c).resolve(claims) : r;
    }

    /** The pass (same bytes) with its codes replaced by ids. */
    public Pass resolve(Pass pass) {
        Pass r = cached.resolve(pass);
        return hasCode(r.claims()) ? book().resolve(pass) : r;
    }

    private static boolean allCoded(Claims c) {
        boolean coded = isCode(c.issuerId())
                && isCode(c.productId())
                && c.channelId().map(PassCodeBook::isCode).orElse(true);
        for (ZoneAllowance z : c.zones()) {
            coded &= isCode(z.zoneId());
        }
        return coded;
    }

    private static boolean hasCode(Claims c) {
        boolean coded = isCode(c.issuerId())
                || isCode(c.productId())
                || c.channelId().map(PassCodeBook::isCode).orElse(false);
        for (ZoneAllowance z : c.zones()) {
            coded |= isCode(z.zoneId());
        }
        return coded;
    }

    private static boolean isCode(String id) {
        return id != null && id.startsWith("#");
    }
}
