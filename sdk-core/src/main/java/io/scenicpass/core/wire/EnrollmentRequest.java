package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Enrollment of a device with a one-time token (POST /terminal/v1/enroll). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EnrollmentRequest {
    private final String token;
    private final String deviceName;
    private final String deviceModel;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public EnrollmentRequest(
            @JsonProperty("token") String token,
            @JsonProperty("deviceName") String deviceName,
            @JsonProperty("deviceModel") String deviceModel) {
        this.token = token;
        this.deviceName = deviceName;
        this.deviceModel = deviceModel;
    }

    /** One-time enrollment token. */
    public String token() {
        return token;
    }

    /** Human name of the device. */
    public String deviceName() {
        return deviceName;
    }

    /** Model of the device. */
    public String deviceModel() {
        return deviceModel;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EnrollmentRequest)) {
            return false;
        }
        EnrollmentRequest x = (EnrollmentRequest) o;
        return Objects.equals(token, x.token)
                && Objects.equals(deviceName, x.deviceName)
                && Objects.equals(deviceModel, x.deviceModel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, deviceName, deviceModel);
    }

    @Override
    public String toString() {
        return "EnrollmentRequest{" + "token=" + token + ", " + "deviceName=" + deviceName + ", " + "deviceModel="
                + deviceModel + "}";
    }
}
