package io.scenicpass.server.identity;

import io.scenicpass.server.db.SettingStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * The scenic area's holder-binding key (32 bytes, base64 in the setting {@code area.holderBindingKey}), generated once:
 * the gates get it in their configuration to compute a presented document's {@code HolderBinding}; the server
 * computes the same bindings for passes, the manifest and the blacklist.
 */
public final class AreaBindingKey {
    static final String SETTING = "area.holderBindingKey";

    private AreaBindingKey() {}

    /** The key as base64, created on first use (concurrent first uses agree through {@code putIfAbsent}). */
    public static String base64(Connection c, SettingStore settings, SecureRandom random) throws SQLException {
        Optional<String> k = settings.get(c, SETTING);
        if (k.isPresent()) {
            return k.get();
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return settings.putIfAbsent(c, SETTING, Base64.getEncoder().encodeToString(raw));
    }

    /** The raw key bytes. */
    public static byte[] raw(Connection c, SettingStore settings, SecureRandom random) throws SQLException {
        return Base64.getDecoder().decode(base64(c, settings, random));
    }
}
