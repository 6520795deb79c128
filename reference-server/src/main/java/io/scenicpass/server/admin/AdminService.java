package io.scenicpass.server.admin;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.BlacklistStore;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/** Operator-side odds and ends: the admin token, the blacklist log, zones, gates and devices. */
public final class AdminService {
    private final Database db;
    private final SettingStore settings;
    private final BlacklistStore blacklist;
    private final SiteStore site;
    private final Clock clock;
    private volatile java.util.function.Predicate<String> otherTokens = t -> false;

    public AdminService(Database db, SettingStore settings, BlacklistStore blacklist, SiteStore site, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.blacklist = blacklist;
        this.site = site;
        this.clock = clock;
    }

    /** Stores the hash of the admin token (replacing any previous one). */
    public void setAdminToken(String token) {
        db.tx(c -> {
            settings.put(c, "admin.tokenHash", ChannelService.sha256Hex(token));
            return null;
        });
    }

    /** Stores the hash of the admin token only when none is set; returns true when it was set now. */
    public boolean initAdminToken(String token) {
        String hash = ChannelService.sha256Hex(token);
        return db.tx(c -> settings.putIfAbsent(c, "admin.tokenHash", hash).equals(hash));
    }

    /** Lets operators' personal tokens pass {@link #checkAdmin} (their rights per route: console/ AdminGuard). */
    public void acceptAlso(java.util.function.Predicate<String> otherTokens) {
        this.otherTokens = otherTokens;
    }

    /** True when {@code bearer} is the machine admin token. */
    public boolean isAdminToken(String bearer) {
        String stored = db.read(c -> settings.get(c, "admin.tokenHash").orElse(null));
        return bearer != null
                && stored != null
                && MessageDigest.isEqual(
                        stored.getBytes(StandardCharsets.US_ASCII),
                        ChannelService.sha256Hex(bearer).getBytes(StandardCharsets.US_ASCII));
    }

    public void checkAdmin(String bearer) {
        if (!isAdminToken(bearer) && (bearer == null || !otherTokens.test(bearer))) {
            throw new ServiceException(Problem.UNAUTHORIZED, "missing or invalid admin token");
        }
    }

    /** Adds (ADD) or removes (REMOVE) a holder binding (base64url, 16 bytes) to/from the blacklist log. */
    public void blacklist(String binding, boolean add, String note) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(binding == null ? "" : binding);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "binding must be base64url");
        }
        if (raw.length != 16) {
            throw new ServiceException(Problem.BAD_REQUEST, "binding must be 16 bytes (HolderBinding.of)");
        }
        db.tx(c -> {
            blacklist.append(c, binding, add ? "ADD" : "REMOVE", note, clock.instant());
            return null;
        });
    }

    public List<BlacklistStore.Entry> blacklistSince(long since, int limit) {
        return db.read(c -> blacklist.since(c, since, Math.max(1, Math.min(limit, 10_000))));
    }

    public void putZone(SiteStore.Zone z) {
        db.tx(c -> {
            site.putZone(c, z);
            return null;
        });
    }

    /** Adds a gate (an existing id is left as it is): id 1-64 of [A-Za-z0-9_.-], a name, a zone, IN, OUT or BOTH. */
    public void putGate(SiteStore.Gate g) {
        if (g.id() == null || !g.id().matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "gate id must be 1-64 of [A-Za-z0-9_.-]");
        }
        if (g.name() == null
                || g.name().isBlank()
                || g.zoneId() == null
                || g.zoneId().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "name and zoneId are required");
        }
        if (g.direction() == null || !List.of("IN", "OUT", "BOTH").contains(g.direction())) {
            throw new ServiceException(Problem.BAD_REQUEST, "direction must be IN, OUT or BOTH");
        }
        db.tx(c -> {
            site.putGate(c, g);
            return null;
        });
    }

    public List<SiteStore.Zone> zones() {
        return db.read(site::zones);
    }

    public List<SiteStore.Gate> gates() {
        return db.read(site::gates);
    }

    public List<SiteStore.Device> devices() {
        return db.read(site::devices);
    }

    public String setting(String name) {
        return db.read(c -> settings.get(c, name).orElse(null));
    }

    public String settingIfAbsent(String name, String value) {
        return db.tx(c -> settings.putIfAbsent(c, name, value));
    }
}
