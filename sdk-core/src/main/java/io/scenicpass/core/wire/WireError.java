package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Error body of every terminal API error response. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class WireError {
    private final String code;
    private final String message;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public WireError(@JsonProperty("code") String code, @JsonProperty("message") String message) {
        this.code = code;
        this.message = message;
    }

    /** Stable error code. */
    public String code() {
        return code;
    }

    /** Human message. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WireError)) {
            return false;
        }
        WireError x = (WireError) o;
        return Objects.equals(code, x.code) && Objects.equals(message, x.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message);
    }

    @Override
    public String toString() {
        return "WireError{" + "code=" + code + ", " + "message=" + message + "}";
    }
}
