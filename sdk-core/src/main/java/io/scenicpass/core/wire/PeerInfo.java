package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Another gate device of the same site, as listed in a {@link DeviceConfig}: whom a gate exchanges entry
 * events with on the LAN while the cloud is down. The key is shared by exactly this pair of devices (and the
 * server that derived it); it authenticates and encrypts their link.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PeerInfo {
    private final String deviceId;
    private final String gateId;
    private final String endpoint;
    private final String key;

    /**
     * @param deviceId the peer's device id
     * @param gateId the peer's gate
     * @param endpoint where it listens on the LAN ({@code host:port}), null until it reported one
     * @param key the pair key (base64, 32 bytes)
     */
    @JsonCreator
    public PeerInfo(
            @JsonProperty("deviceId") String deviceId,
            @JsonProperty("gateId") String gateId,
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("key") String key) {
        this.deviceId = deviceId;
        this.gateId = gateId;
        this.endpoint = endpoint;
        this.key = key;
    }

    /** The peer's device id. */
    public String deviceId() {
        return deviceId;
    }

    /** The peer's gate id. */
    public String gateId() {
        return gateId;
    }

    /** Its LAN endpoint {@code host:port}, or null. */
    public String endpoint() {
        return endpoint;
    }

    /** The key this device and the peer share (base64). */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PeerInfo)) {
            return false;
        }
        PeerInfo x = (PeerInfo) o;
        return Objects.equals(deviceId, x.deviceId)
                && Objects.equals(gateId, x.gateId)
                && Objects.equals(endpoint, x.endpoint)
                && Objects.equals(key, x.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, gateId, endpoint, key);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "PeerInfo{deviceId=" + deviceId + ", gateId=" + gateId + ", endpoint=" + endpoint + ", key=***}";
    }
}
