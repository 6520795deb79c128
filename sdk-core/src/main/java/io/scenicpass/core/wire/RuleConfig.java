package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One gate rule and its parameters. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RuleConfig {
    private final String type;
    private final Map<String, Object> params;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public RuleConfig(@JsonProperty("type") String type, @JsonProperty("params") Map<String, Object> params) {
        this.type = type;
        this.params =
                params == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Rule type. */
    public String type() {
        return type;
    }

    /** Rule parameters. */
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleConfig)) {
            return false;
        }
        RuleConfig x = (RuleConfig) o;
        return Objects.equals(type, x.type) && Objects.equals(params, x.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, params);
    }

    @Override
    public String toString() {
        return "RuleConfig{" + "type=" + type + ", " + "params=" + params + "}";
    }
}
