package io.scenicpass.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets a server makes for itself when the configuration gives none: the key files' passphrase
 * ({@code <data>/keys/passphrase}) and the admin token ({@code <data>/admin-token}), each generated once, owner-only
 * (0600), and said loudly in the log (where the file is, never its content) so production sets them.
 */
public final class LocalSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSecrets.class);

    private final ServerConfig config;
    private final SecureRandom random;

    public LocalSecrets(ServerConfig config, SecureRandom random) {
        this.config = config;
        this.random = random;
    }

    /** The passphrase of the key files: configured, or generated once into {@code <data>/keys/passphrase}. */
    public char[] passphrase() {
        if (config.keyPassphrase != null) {
            return config.keyPassphrase.toCharArray();
        }
        Path f = config.keysDir().resolve("passphrase");
        SecureFiles.ownerOnlyDirectory(config.keysDir());
        boolean created = createOnce(f, "");
        LOG.warn(
                "keys.passphrase (SCENICPASS_KEY_PASSPHRASE) is not set: the key files are encrypted with the passphrase"
                        + " {} {}, beside them; set SCENICPASS_KEY_PASSPHRASE in production",
                created ? "generated now into" : "in",
                f);
        return read(f).toCharArray();
    }

    /** The admin token: configured, or generated once into {@code <data>/admin-token}. */
    public String adminToken() {
        if (config.adminToken != null) {
            return config.adminToken;
        }
        Path f = adminTokenFile();
        boolean created = createOnce(f, "adm_");
        LOG.warn(
                "admin.token (SCENICPASS_ADMIN_TOKEN) is not set: the admin API /admin/v1 accepts the token {} {};"
                        + " set SCENICPASS_ADMIN_TOKEN in production",
                created ? "generated now into" : "stored in",
                f);
        return read(f);
    }

    /** The admin token in effect, without creating one (from config or the data dir). */
    public String currentAdminToken() {
        return config.adminToken != null ? config.adminToken : read(adminTokenFile());
    }

    private Path adminTokenFile() {
        return config.dataDir.resolve("admin-token");
    }

    /** Writes {@code prefix} + 24 random bytes (base64url) to {@code f} unless it exists; whether it did. */
    private boolean createOnce(Path f, String prefix) {
        if (Files.exists(f)) {
            return false;
        }
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        SecureFiles.writeOwnerOnly(
                f,
                (prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw))
                        .getBytes(StandardCharsets.US_ASCII));
        return true;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
