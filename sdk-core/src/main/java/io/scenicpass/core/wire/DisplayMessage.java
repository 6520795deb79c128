package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A message for the gate display in Chinese and English. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DisplayMessage {
    private final String zh;
    private final String en;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public DisplayMessage(@JsonProperty("zh") String zh, @JsonProperty("en") String en) {
        this.zh = zh;
        this.en = en;
    }

    /** Chinese text. */
    public String zh() {
        return zh;
    }

    /** English text. */
    public String en() {
        return en;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DisplayMessage)) {
            return false;
        }
        DisplayMessage x = (DisplayMessage) o;
        return Objects.equals(zh, x.zh) && Objects.equals(en, x.en);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zh, en);
    }

    @Override
    public String toString() {
        return "DisplayMessage{" + "zh=" + zh + ", " + "en=" + en + "}";
    }
}
