package io.scenicpass.server.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.DisplayMessage;
import io.scenicpass.core.wire.EnrollmentRequest;
import io.scenicpass.core.wire.EnrollmentResponse;
import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.core.wire.RuleConfig;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Terminals: one-time enrollment tokens, enrollment (device id + device token, both tokens stored hashed),
 * per-request authentication ({@code Authorization: Device <token>}, checked against the database every time
 * so a revocation takes effect at once), revocation, and the gate configuration a terminal downloads.
 */
public final class DeviceService {
    /**
     * Operator-editable part of the gate configuration (the rest comes from the gate and the area);
     * {@code productPolicies}: gate policy per product id (QR + ID, child policy; #14), empty when none.
     */
    public record TerminalSettings(
            long earlyToleranceSeconds,
            long lateToleranceSeconds,
            List<RuleConfig> rules,
            Map<String, DisplayMessage> messages,
            boolean healthCertificateRequired,
            Map<String, ProductGatePolicy> productPolicies) {
        public TerminalSettings {
            productPolicies = productPolicies == null ? Map.of() : productPolicies;
        }
    }

    /** A freshly created enrollment token (shown once), the QR text a device scans, and the device's role. */
    public record NewToken(String token, String enrollmentCode, String gateId, Instant expiresAt, DeviceRole role) {}

    static final String CONFIG = "terminal.config";
    static final String CONFIG_VERSION = "terminal.configVersion";
    /** The demo seeder's enrollment token (a setting holding its hash), usable once. */
    static final String DEMO_TOKEN = "enrollment.tokenHash";

    static final String DEMO_TOKEN_USED = "enrollment.tokenUsedBy";

    private final Database db;
    /** The online claim's latency budget the device config carries ({@code terminal.onlineCheckMillis}). */
    private volatile long onlineCheckMillis = 300;

    private final DeviceStore devices;
    private final SiteStore site;
    private final SettingStore settings;
    private final KeyService keys;
    private final Clock clock;
    private final SecureRandom random;
    private final String areaId;
    private final ObjectMapper json = WireJson.mapper();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private volatile Consumer<String> onRevoked = id -> {};
    private final PeerDirectory peers;

    public DeviceService(
            Database db,
            DeviceStore devices,
            SiteStore site,
            SettingStore settings,
            KeyService keys,
            Clock clock,
            SecureRandom random,
            String areaId) {
        this.db = db;
        this.devices = devices;
        this.site = site;
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.random = random;
        this.areaId = areaId;
        this.peers = new PeerDirectory(devices, settings, random, areaId);
    }

    /** Told the id of every device revoked (the push hub closes its stream). */
    public void onRevoked(Consumer<String> listener) {
        this.onRevoked = listener;
    }

    /** Creates a one-time enrollment token for a gate, valid for {@code ttl}. */
    public NewToken createToken(String gateId, String label, Duration ttl, String baseUrl) {
        return createToken(gateId, label, ttl, baseUrl, DeviceRole.GATE);
    }

    /** Creates a one-time enrollment token for a device of {@code role} placed at {@code gateId}. */
    public NewToken createToken(String gateId, String label, Duration ttl, String baseUrl, DeviceRole role) {
        if (gateId == null || gateId.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "gateId is required");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(30)) > 0) {
            throw new ServiceException(Problem.BAD_REQUEST, "ttlHours must be 1..720");
        }
        String token = "enr_" + randomToken(18);
        Instant now = clock.instant();
        db.tx(c -> {
            if (site.gates(c).stream().noneMatch(g -> g.id().equals(gateId))) {
                throw new ServiceException(Problem.NOT_FOUND, "no such gate", gateId);
            }
            devices.insertToken(
                    c,
                    new DeviceStore.TokenRow(
                            ChannelService.sha256Hex(token), gateId, label, now, now.plus(ttl), null, null, role));
            return null;
        });
        String code = baseUrl == null ? token : baseUrl + "/terminal/v1/enroll?token=" + token;
        return new NewToken(token, code, gateId, now.plus(ttl), role);
    }

    /** Enrolls a terminal with a one-time token. UNAUTHORIZED when the token is unknown, used or expired. */
    public EnrollmentResponse enroll(EnrollmentRequest req) {
        if (req == null || req.token() == null || req.token().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "token is required");
        }
        String name = req.deviceName() == null || req.deviceName().isBlank() ? "terminal" : clip(req.deviceName(), 200);
        String model = req.deviceModel() == null ? null : clip(req.deviceModel(), 200);
        String tokenHash = ChannelService.sha256Hex(req.token().trim());
        String deviceId = "dev_" + randomToken(9);
        String deviceToken = "dvt_" + randomToken(32);
        Instant now = clock.instant();
        String gateId = db.tx(c -> {
            Optional<DeviceStore.TokenRow> t = devices.token(c, tokenHash);
            String gate;
            DeviceRole role = t.map(DeviceStore.TokenRow::role).orElse(DeviceRole.GATE);
            if (t.isPresent()) {
                if (!devices.consumeToken(c, tokenHash, deviceId, now)) {
                    throw new ServiceException(Problem.UNAUTHORIZED, "enrollment token already used or expired");
                }
                gate = t.get().gateId();
            } else if (tokenHash.equals(settings.get(c, DEMO_TOKEN).orElse(null))) {
                if (!settings.putIfAbsent(c, DEMO_TOKEN_USED, deviceId).equals(deviceId)) {
                    throw new ServiceException(Problem.UNAUTHORIZED, "enrollment token already used");
                }
                gate = defaultGate(c);
            } else {
                throw new ServiceException(Problem.UNAUTHORIZED, "unknown enrollment token");
            }
            devices.insertDevice(c, deviceId, name, model, gate, ChannelService.sha256Hex(deviceToken), now, role);
            bumpVersion(c); // the other gates of the site learn their new peer
            return gate;
        });
        return new EnrollmentResponse(
                deviceId,
                deviceToken,
                areaId,
                gateId,
                Base64.getEncoder().encodeToString(keys.root().publicKey()));
    }

    /** The device of an {@code Authorization} header; UNAUTHORIZED when missing/unknown, FORBIDDEN when revoked. */
    public DeviceRow authenticate(String authorization) {
        if (authorization == null
                || !authorization.regionMatches(true, 0, "Device ", 0, 7)
                || authorization.length() < 8) {
            throw new ServiceException(Problem.UNAUTHORIZED, "missing device token (Authorization: Device <token>)");
        }
        String hash = ChannelService.sha256Hex(authorization.substring(7).trim());
        DeviceRow d = db.read(c -> devices.byTokenHash(c, hash))
                .orElseThrow(() -> new ServiceException(Problem.UNAUTHORIZED, "unknown device token"));
        if (d.revoked()) {
            throw new ServiceException(Problem.FORBIDDEN, "device revoked", d.id());
        }
        Instant now = clock.instant();
        Instant prev = lastSeen.get(d.id());
        if (prev == null || now.isAfter(prev.plusSeconds(30))) {
            lastSeen.put(d.id(), now);
            db.tx(c -> {
                devices.seen(c, d.id(), now);
                return null;
            });
        }
        return d;
    }

    /** Revokes a device: its next request is refused and its push stream is closed. */
    public void revoke(String deviceId) {
        boolean known = db.tx(c -> {
            if (devices.find(c, deviceId).isEmpty()) {
                return false;
            }
            devices.revoke(c, deviceId, clock.instant());
            bumpVersion(c); // the other gates stop believing it on their next config pull
            return true;
        });
        if (!known) {
            throw new ServiceException(Problem.NOT_FOUND, "no such device", deviceId);
        }
        onRevoked.accept(deviceId);
    }

    public List<DeviceRow> list() {
        return db.read(devices::list);
    }

    /** The configuration of a device's gate. */
    public DeviceConfig config(DeviceRow d) {
        return db.read(c -> {
            SiteStore.Gate gate = site.gates(c).stream()
                    .filter(g -> g.id().equals(d.gateId()))
                    .findFirst()
                    .orElse(null);
            TerminalSettings s = settings(c);
            long version = Long.parseLong(settings.get(c, CONFIG_VERSION).orElse("1"));
            return DeviceConfig.builder()
                    .deviceId(d.id())
                    .gateId(d.gateId())
                    .areaId(areaId)
                    .zones(gate == null ? List.of() : List.of(gate.zoneId()))
                    .direction(gate == null ? "BOTH" : gate.direction())
                    .earlyToleranceSeconds(s.earlyToleranceSeconds())
                    .lateToleranceSeconds(s.lateToleranceSeconds())
                    .rules(s.rules())
                    .messages(s.messages())
                    .holderBindingKey(bindingKey(c))
                    .healthCertificateRequired(s.healthCertificateRequired())
                    .productPolicies(s.productPolicies())
                    .onlineCheckBudgetMillis(onlineCheckMillis)
                    .version(version)
                    .peers(peers.list(c, d))
                    .build();
        });
    }

    /** Sets the online claim's latency budget sent to the gates. */
    public void onlineCheckBudget(java.time.Duration budget) {
        this.onlineCheckMillis = budget.toMillis();
    }

    /**
     * Records where a device listens for its peers on the LAN ({@code host:port}); the other gates' configs list
     * it from their next pull.
     *
     * @return the config version in effect afterwards
     */
    public long reportPeerEndpoint(DeviceRow d, String endpoint) {
        String ep = PeerDirectory.checkEndpoint(endpoint);
        return db.tx(c -> {
            if (peers.setEndpoint(c, d.id(), ep)) {
                bumpVersion(c);
            }
            return Long.parseLong(settings.get(c, CONFIG_VERSION).orElse("1"));
        });
    }

    /** The operator settings in effect. */
    public TerminalSettings settings() {
        return db.read(this::settings);
    }

    /** Replaces the operator settings and bumps the config version; returns the new version. */
    public long putSettings(TerminalSettings s) {
        Bounds.check("earlyToleranceSeconds", s.earlyToleranceSeconds(), 0, Bounds.MAX_TOLERANCE_SECONDS);
        Bounds.check("lateToleranceSeconds", s.lateToleranceSeconds(), 0, Bounds.MAX_TOLERANCE_SECONDS);
        if (s.rules() == null
                || s.messages() == null
                || s.rules().contains(null)
                || s.messages().containsValue(null)) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "rules and messages must be a list and a map without nulls");
        }
        Bounds.listSize("rules", s.rules());
        Bounds.listSize("messages", s.messages().keySet());
        for (RuleConfig r : s.rules()) {
            if (r.type() == null || r.type().isBlank()) {
                throw new ServiceException(Problem.BAD_REQUEST, "every rule needs a type");
            }
        }
        ProductPolicies.check(s.productPolicies());
        String text;
        try {
            text = json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "settings cannot be stored");
        }
        if (text.length() > 4000) {
            throw new ServiceException(Problem.BAD_REQUEST, "settings too large (4000 characters at most)");
        }
        return db.tx(c -> {
            settings.put(c, CONFIG, text);
            return bumpVersion(c);
        });
    }

    /** Changes the settings from the current ones ({@code change} returns the new ones, checked as by a PUT). */
    public long patchSettings(java.util.function.UnaryOperator<TerminalSettings> change) {
        return putSettings(change.apply(settings()));
    }

    private TerminalSettings settings(java.sql.Connection c) throws java.sql.SQLException {
        Optional<String> stored = settings.get(c, CONFIG);
        if (stored.isPresent()) {
            try {
                return json.readValue(stored.get(), TerminalSettings.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored terminal settings unreadable", e);
            }
        }
        return defaults();
    }

    /** Defaults: 30 min early / 15 min late, no extra rules, bilingual messages for the common reasons. */
    public static TerminalSettings defaults() {
        Map<String, DisplayMessage> m = new LinkedHashMap<>();
        m.put("OK", new DisplayMessage("欢迎光临", "Welcome"));
        m.put("REVOKED", new DisplayMessage("门票已退或已作废", "Ticket refunded or cancelled"));
        m.put("ALREADY_ENTERED", new DisplayMessage("门票已使用", "Ticket already used"));
        m.put("OUTSIDE_SLOT", new DisplayMessage("不在预约时段内，请按预约时间入园", "Outside your time slot"));
        m.put("EXPIRED", new DisplayMessage("门票已过期", "Ticket expired"));
        m.put("NOT_YET_VALID", new DisplayMessage("门票尚未生效", "Ticket not valid yet"));
        m.put("WRONG_ZONE", new DisplayMessage("此票不能进入该区域", "Not valid for this area"));
        m.put("BLACKLISTED", new DisplayMessage("请到服务台咨询", "Please see the service desk"));
        m.put("ID_CHECK_REQUIRED", new DisplayMessage("优惠票请出示证件", "Concession ticket: show your ID"));
        m.put(
                "AGE_NOT_PROVEN",
                new DisplayMessage("证件年龄不符合优惠条件，请到服务台", "ID does not prove the ticket's age: see staff"));
        m.put("HOLDER_MISMATCH", new DisplayMessage("证件与实名门票不符", "ID does not match the ticket holder"));
        m.put("STAFF_CHECK_REQUIRED", new DisplayMessage("请工作人员核验年龄", "Staff: please confirm the visitor's age"));
        return new TerminalSettings(1800, 900, new ArrayList<>(), m, false, Map.of());
    }

    /** Increments the config version (gates re-download their config when it differs). @return the new one */
    private long bumpVersion(java.sql.Connection c) throws java.sql.SQLException {
        long v = Long.parseLong(settings.get(c, CONFIG_VERSION).orElse("1")) + 1;
        settings.put(c, CONFIG_VERSION, Long.toString(v));
        return v;
    }

    /** The area's holder-binding key (base64, 32 bytes), generated once. */
    private String bindingKey(java.sql.Connection c) throws java.sql.SQLException {
        return io.scenicpass.server.identity.AreaBindingKey.base64(c, settings, random);
    }

    /** The gate a demo-token device joins: the first gate of the zone with the most gates. */
    private String defaultGate(java.sql.Connection c) throws java.sql.SQLException {
        List<SiteStore.Gate> gates = site.gates(c);
        if (gates.isEmpty()) {
            throw new ServiceException(Problem.CONFLICT, "no gate configured to enroll into");
        }
        Map<String, Long> perZone = new LinkedHashMap<>();
        gates.forEach(g -> perZone.merge(g.zoneId(), 1L, Long::sum));
        return gates.stream()
                .sorted(Comparator.comparing((SiteStore.Gate g) -> -perZone.get(g.zoneId()))
                        .thenComparing(SiteStore.Gate::id))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
