package io.scenicpass.terminal.sync;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a gate receives once, at enrollment: its device id and secret token, the scenic area and gate it
 * belongs to, and the root public key pinned at that moment (every later key set must be signed by it).
 * Stored by {@link CredentialStore}. {@link #toString()} never shows the token.
 */
public final class DeviceCredentials {
    private final String serverUrl;
    private final String deviceId;
    private final String deviceToken;
    private final String areaId;
    private final String gateId;
    private final byte[] rootPublicKey;

    /**
     * @param serverUrl base URL of the ScenicPass server (without {@code /terminal/v1})
     * @param deviceId the device id the server assigned
     * @param deviceToken the secret sent as {@code Authorization: Device <token>}
     * @param areaId the scenic area
     * @param gateId the gate this device serves (may be null until configured)
     * @param rootPublicKey the pinned root public key (raw Ed25519, 32 bytes)
     */
    public DeviceCredentials(
            String serverUrl, String deviceId, String deviceToken, String areaId, String gateId, byte[] rootPublicKey) {
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.deviceToken = Objects.requireNonNull(deviceToken, "deviceToken");
        this.areaId = areaId;
        this.gateId = gateId;
        this.rootPublicKey =
                Objects.requireNonNull(rootPublicKey, "rootPublicKey").clone();
        if (rootPublicKey.length != 32) {
            throw new IllegalArgumentException("root public key must be 32 bytes, got " + rootPublicKey.length);
        }
    }

    /** @return base URL of the server */
    public String serverUrl() {
        return serverUrl;
    }

    /** @return the device id */
    public String deviceId() {
        return deviceId;
    }

    /** @return the secret device token */
    public String deviceToken() {
        return deviceToken;
    }

    /** @return the scenic area id */
    public String areaId() {
        return areaId;
    }

    /** @return the gate id, or null */
    public String gateId() {
        return gateId;
    }

    /** @return a copy of the pinned root public key */
    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeviceCredentials)) {
            return false;
        }
        DeviceCredentials c = (DeviceCredentials) o;
        return serverUrl.equals(c.serverUrl)
                && deviceId.equals(c.deviceId)
                && deviceToken.equals(c.deviceToken)
                && Objects.equals(areaId, c.areaId)
                && Objects.equals(gateId, c.gateId)
                && Arrays.equals(rootPublicKey, c.rootPublicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverUrl, deviceId, areaId, gateId);
    }

    @Override
    public String toString() {
        return "DeviceCredentials{device=" + deviceId + ", area=" + areaId + ", gate=" + gateId + ", server="
                + serverUrl + ", token=***}";
    }
}
