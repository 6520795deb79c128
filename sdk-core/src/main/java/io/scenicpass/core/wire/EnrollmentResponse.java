package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Answer to an enrollment: identity, credentials and the pinned root key. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EnrollmentResponse {
    private final String deviceId;
    private final String deviceToken;
    private final String areaId;
    private final String gateId;
    private final String rootPublicKey;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public EnrollmentResponse(
            @JsonProperty("deviceId") String deviceId,
            @JsonProperty("deviceToken") String deviceToken,
            @JsonProperty("areaId") String areaId,
            @JsonProperty("gateId") String gateId,
            @JsonProperty("rootPublicKey") String rootPublicKey) {
        this.deviceId = deviceId;
        this.deviceToken = deviceToken;
        this.areaId = areaId;
        this.gateId = gateId;
        this.rootPublicKey = rootPublicKey;
    }

    /** Assigned device id. */
    public String deviceId() {
        return deviceId;
    }

    /** Bearer token for {@code Authorization: Device <token>}. */
    public String deviceToken() {
        return deviceToken;
    }

    /** Scenic area. */
    public String areaId() {
        return areaId;
    }

    /** Gate the device belongs to. */
    public String gateId() {
        return gateId;
    }

    /** Root public key to pin: base64 of the raw 32 bytes. */
    public String rootPublicKey() {
        return rootPublicKey;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EnrollmentResponse)) {
            return false;
        }
        EnrollmentResponse x = (EnrollmentResponse) o;
        return Objects.equals(deviceId, x.deviceId)
                && Objects.equals(deviceToken, x.deviceToken)
                && Objects.equals(areaId, x.areaId)
                && Objects.equals(gateId, x.gateId)
                && Objects.equals(rootPublicKey, x.rootPublicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, deviceToken, areaId, gateId, rootPublicKey);
    }

    @Override
    public String toString() {
        return "EnrollmentResponse{" + "deviceId=" + deviceId + ", " + "deviceToken=" + deviceToken + ", " + "areaId="
                + areaId + ", " + "gateId=" + gateId + ", " + "rootPublicKey=" + rootPublicKey + "}";
    }
}
