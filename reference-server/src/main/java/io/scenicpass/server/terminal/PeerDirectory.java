package io.scenicpass.server.terminal;

import io.scenicpass.core.wire.PeerInfo;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gates of this site as each other's LAN peers: every enrolled, unrevoked device but the asking one, with the
 * endpoint it reported and a key shared by that pair alone, HMAC-SHA256(site peer secret, the two device ids in
 * order). The secret never leaves the server; a revoked device drops out of every list, so its keys stop working.
 */
final class PeerDirectory {
    static final String SECRET = "terminal.peerSecret";
    static final String ENDPOINT = "terminal.peerEndpoint.";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final DeviceStore devices;
    private final SettingStore settings;
    private final SecureRandom random;
    private final String areaId;

    PeerDirectory(DeviceStore devices, SettingStore settings, SecureRandom random, String areaId) {
        this.devices = devices;
        this.settings = settings;
        this.random = random;
        this.areaId = areaId;
    }

    /** The peers of device {@code d}. */
    List<PeerInfo> list(Connection c, DeviceRow d) throws SQLException {
        byte[] secret = secret(c);
        List<PeerInfo> out = new ArrayList<>();
        for (DeviceRow p : devices.list(c)) {
            if (!p.revoked() && !p.id().equals(d.id())) {
                out.add(new PeerInfo(
                        p.id(),
                        p.gateId(),
                        settings.get(c, ENDPOINT + p.id()).orElse(null),
                        pairKey(secret, d.id(), p.id())));
            }
        }
        return out;
    }

    /** @return whether the device's endpoint changed */
    boolean setEndpoint(Connection c, String deviceId, String endpoint) throws SQLException {
        Optional<String> old = settings.get(c, ENDPOINT + deviceId);
        if (old.isPresent() && old.get().equals(endpoint)) {
            return false;
        }
        settings.put(c, ENDPOINT + deviceId, endpoint);
        return true;
    }

    /** @return the endpoint, checked to be {@code host:port} (BAD_REQUEST otherwise) */
    static String checkEndpoint(String endpoint) {
        String ep = endpoint == null ? "" : endpoint.trim();
        int colon = ep.lastIndexOf(':');
        if (colon > 0 && HOST.matcher(ep.substring(0, colon)).matches()) {
            try {
                int port = Integer.parseInt(ep.substring(colon + 1));
                if (port >= 1 && port <= 65535) {
                    return ep;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new ServiceException(Problem.BAD_REQUEST, "endpoint must be host:port (port 1..65535)");
    }

    /** The key devices a and b share: the same whichever of them asks. */
    String pairKey(byte[] secret, String a, String b) {
        String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] k = mac.doFinal(("scenicpass-peer|" + areaId + "|" + pair).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(k);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] secret(Connection c) throws SQLException {
        Optional<String> s = settings.get(c, SECRET);
        if (s.isEmpty()) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            s = Optional.of(settings.putIfAbsent(c, SECRET, Base64.getEncoder().encodeToString(raw)));
        }
        return Base64.getDecoder().decode(s.get());
    }
}
