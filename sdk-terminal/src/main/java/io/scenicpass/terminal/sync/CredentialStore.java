package io.scenicpass.terminal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.terminal.internal.sync.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Keeps the {@link DeviceCredentials} in one JSON file readable and writable by the owner only
 * ({@code rw-------} where the file system supports POSIX permissions). Writes are atomic (temporary file, fsync, rename), so
 * a power cut leaves either the old or the new credentials.
 */
public final class CredentialStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file the credentials file (its directory is created when missing) */
    public CredentialStore(Path file) {
        this.file = file;
    }

    /** @return the file this store uses */
    public Path file() {
        return file;
    }

    /**
     * @return the stored credentials, or empty when the device was never enrolled
     * @throws UncheckedIOException when the file exists but cannot be read
     * @throws IllegalStateException when the file is corrupt
     */
    public Optional<DeviceCredentials> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file, e);
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            return Optional.of(new DeviceCredentials(
                    n.get("serverUrl").asText(),
                    n.get("deviceId").asText(),
                    n.get("deviceToken").asText(),
                    text(n, "areaId"),
                    text(n, "gateId"),
                    Base64.getDecoder().decode(n.get("rootPublicKey").asText())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("credentials file " + file + " is corrupt; enroll the device again");
        }
    }

    /**
     * @param credentials the credentials to keep
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(DeviceCredentials credentials) {
        ObjectNode n = JSON.createObjectNode();
        n.put("serverUrl", credentials.serverUrl());
        n.put("deviceId", credentials.deviceId());
        n.put("deviceToken", credentials.deviceToken());
        n.put("areaId", credentials.areaId());
        n.put("gateId", credentials.gateId());
        n.put("rootPublicKey", Base64.getEncoder().encodeToString(credentials.rootPublicKey()));
        try {
            OwnerOnlyFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write credentials file " + file, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
