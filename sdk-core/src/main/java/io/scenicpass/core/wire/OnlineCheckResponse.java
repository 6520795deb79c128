package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.Verdict;
import java.util.Objects;

/** Answer to an online check. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OnlineCheckResponse {
    private final Verdict verdict;
    private final String reason;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public OnlineCheckResponse(@JsonProperty("verdict") Verdict verdict, @JsonProperty("reason") String reason) {
        this.verdict = verdict;
        this.reason = reason;
    }

    /** Decision. */
    public Verdict verdict() {
        return verdict;
    }

    /** Reason code. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OnlineCheckResponse)) {
            return false;
        }
        OnlineCheckResponse x = (OnlineCheckResponse) o;
        return Objects.equals(verdict, x.verdict) && Objects.equals(reason, x.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(verdict, reason);
    }

    @Override
    public String toString() {
        return "OnlineCheckResponse{" + "verdict=" + verdict + ", " + "reason=" + reason + "}";
    }
}
