package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Configuration of one gate device. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DeviceConfig {
    private final String deviceId;
    private final String gateId;
    private final String areaId;
    private final List<String> zones;
    private final String direction;
    private final long earlyToleranceSeconds;
    private final long lateToleranceSeconds;
    private final List<RuleConfig> rules;
    private final Map<String, DisplayMessage> messages;
    private final String holderBindingKey;
    private final boolean healthCertificateRequired;
    private final long onlineCheckBudgetMillis;
    private final long version;
    private final Map<String, ProductGatePolicy> productPolicies;
    private final List<PeerInfo> peers;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public DeviceConfig(
            @JsonProperty("deviceId") String deviceId,
            @JsonProperty("gateId") String gateId,
            @JsonProperty("areaId") String areaId,
            @JsonProperty("zones") List<String> zones,
            @JsonProperty("direction") String direction,
            @JsonProperty("earlyToleranceSeconds") long earlyToleranceSeconds,
            @JsonProperty("lateToleranceSeconds") long lateToleranceSeconds,
            @JsonProperty("rules") List<RuleConfig> rules,
            @JsonProperty("messages") Map<String, DisplayMessage> messages,
            @JsonProperty("holderBindingKey") String holderBindingKey,
            @JsonProperty("healthCertificateRequired") boolean healthCertificateRequired,
            @JsonProperty("onlineCheckBudgetMillis") long onlineCheckBudgetMillis,
            @JsonProperty("version") long version,
            @JsonProperty("productPolicies") Map<String, ProductGatePolicy> productPolicies,
            @JsonProperty("peers") List<PeerInfo> peers) {
        this.deviceId = deviceId;
        this.gateId = gateId;
        this.areaId = areaId;
        this.zones = zones == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(zones));
        this.direction = direction;
        this.earlyToleranceSeconds = earlyToleranceSeconds;
        this.lateToleranceSeconds = lateToleranceSeconds;
        this.rules = rules == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(rules));
        this.messages =
                messages == null ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        this.holderBindingKey = holderBindingKey;
        this.healthCertificateRequired = healthCertificateRequired;
        this.onlineCheckBudgetMillis = onlineCheckBudgetMillis;
        this.version = version;
        this.productPolicies = productPolicies == null
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(productPolicies));
        this.peers = peers == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(peers));
    }

    /** The previous constructor (before the online budget and product policies), kept for callers built against it. */
    public DeviceConfig(
            String deviceId,
            String gateId,
            String areaId,
            List<String> zones,
            String direction,
            long earlyToleranceSeconds,
            long lateToleranceSeconds,
            List<RuleConfig> rules,
            Map<String, DisplayMessage> messages,
            String holderBindingKey,
            boolean healthCertificateRequired,
            long version) {
        this(
                deviceId,
                gateId,
                areaId,
                zones,
                direction,
                earlyToleranceSeconds,
                lateToleranceSeconds,
                rules,
                messages,
                holderBindingKey,
                healthCertificateRequired,
                0L,
                version,
                null,
                null);
    }

    /** Device id. */
    public String deviceId() {
        return deviceId;
    }

    /** Gate id. */
    public String gateId() {
        return gateId;
    }

    /** Scenic area id. */
    public String areaId() {
        return areaId;
    }

    /** Zones this device admits to. */
    public List<String> zones() {
        return zones;
    }

    /** IN, OUT or BOTH. */
    public String direction() {
        return direction;
    }

    /** How early before validFrom a pass is accepted. */
    public long earlyToleranceSeconds() {
        return earlyToleranceSeconds;
    }

    /** How late after validUntil a pass is accepted. */
    public long lateToleranceSeconds() {
        return lateToleranceSeconds;
    }

    /** Gate rules in order. */
    public List<RuleConfig> rules() {
        return rules;
    }

    /** Display messages by reason code. */
    public Map<String, DisplayMessage> messages() {
        return messages;
    }

    /** Holder binding key (base64). */
    public String holderBindingKey() {
        return holderBindingKey;
    }

    /** Whether a health certificate is demanded. */
    public boolean healthCertificateRequired() {
        return healthCertificateRequired;
    }

    /**
     * How long the gate waits for the server's online claim before it decides offline (0: the gate's own
     * default).
     */
    public long onlineCheckBudgetMillis() {
        return onlineCheckBudgetMillis;
    }

    /** Config version. */
    public long version() {
        return version;
    }

    /** Gate policies by product id ({@code "*"}: every product without its own); empty when none. */
    public Map<String, ProductGatePolicy> productPolicies() {
        return productPolicies;
    }

    /** The policy for passes of {@code productId}: its own, else the {@code "*"} one, else null. */
    public ProductGatePolicy productPolicy(String productId) {
        ProductGatePolicy p = productId == null ? null : productPolicies.get(productId);
        return p != null ? p : productPolicies.get("*");
    }

    /** The other gates of the site this gate exchanges entry events with on the LAN. */
    public List<PeerInfo> peers() {
        return peers;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeviceConfig)) {
            return false;
        }
        DeviceConfig x = (DeviceConfig) o;
        return Objects.equals(deviceId, x.deviceId)
                && Objects.equals(gateId, x.gateId)
                && Objects.equals(areaId, x.areaId)
                && Objects.equals(zones, x.zones)
                && Objects.equals(direction, x.direction)
                && earlyToleranceSeconds == x.earlyToleranceSeconds
                && lateToleranceSeconds == x.lateToleranceSeconds
                && Objects.equals(rules, x.rules)
                && Objects.equals(messages, x.messages)
                && Objects.equals(holderBindingKey, x.holderBindingKey)
                && healthCertificateRequired == x.healthCertificateRequired
                && onlineCheckBudgetMillis == x.onlineCheckBudgetMillis
                && version == x.version
                && Objects.equals(productPolicies, x.productPolicies)
                && Objects.equals(peers, x.peers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                deviceId,
                gateId,
                areaId,
                zones,
                direction,
                earlyToleranceSeconds,
                lateToleranceSeconds,
                rules,
                messages,
                holderBindingKey,
                healthCertificateRequired,
                onlineCheckBudgetMillis,
                version,
                productPolicies,
                peers);
    }

    @Override
    public String toString() {
        return "DeviceConfig{" + "deviceId=" + deviceId + ", " + "gateId=" + gateId + ", " + "areaId=" + areaId + ", "
                + "zones=" + zones + ", " + "direction=" + direction + ", " + "earlyToleranceSeconds="
                + earlyToleranceSeconds + ", " + "lateToleranceSeconds=" + lateToleranceSeconds + ", " + "rules="
                + rules + ", " + "messages=" + messages + ", " + "holderBindingKey=" + holderBindingKey + ", "
                + "healthCertificateRequired=" + healthCertificateRequired + ", " + "onlineCheckBudgetMillis="
                + onlineCheckBudgetMillis + ", " + "version=" + version + ", "
                + "productPolicies=" + productPolicies + ", peers=" + peers + "}";
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this value. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.deviceId = deviceId;
        b.gateId = gateId;
        b.areaId = areaId;
        b.zones = zones;
        b.direction = direction;
        b.earlyToleranceSeconds = earlyToleranceSeconds;
        b.lateToleranceSeconds = lateToleranceSeconds;
        b.rules = rules;
        b.messages = messages;
        b.holderBindingKey = holderBindingKey;
        b.healthCertificateRequired = healthCertificateRequired;
        b.onlineCheckBudgetMillis = onlineCheckBudgetMillis;
        b.version = version;
        b.productPolicies = productPolicies;
        b.peers = peers;
        return b;
    }

    /** Builder of {@link DeviceConfig}. */
    public static final class Builder {
        private String deviceId;
        private String gateId;
        private String areaId;
        private List<String> zones;
        private String direction;
        private long earlyToleranceSeconds;
        private long lateToleranceSeconds;
        private List<RuleConfig> rules;
        private Map<String, DisplayMessage> messages;
        private String holderBindingKey;
        private boolean healthCertificateRequired;
        private long onlineCheckBudgetMillis;
        private long version;
        private Map<String, ProductGatePolicy> productPolicies;
        private List<PeerInfo> peers;

        private Builder() {}

        /** Device id. */
        public Builder deviceId(String v) {
            this.deviceId = v;
            return this;
        }

        /** Gate id. */
        public Builder gateId(String v) {
            this.gateId = v;
            return this;
        }

        /** Scenic area id. */
        public Builder areaId(String v) {
            this.areaId = v;
            return this;
        }

        /** Zones this device admits to. */
        public Builder zones(List<String> v) {
            this.zones = v;
            return this;
        }

        /** IN, OUT or BOTH. */
        public Builder direction(String v) {
            this.direction = v;
            return this;
        }

        /** How early before validFrom a pass is accepted. */
        public Builder earlyToleranceSeconds(long v) {
            this.earlyToleranceSeconds = v;
            return this;
        }

        /** How late after validUntil a pass is accepted. */
        public Builder lateToleranceSeconds(long v) {
            this.lateToleranceSeconds = v;
            return this;
        }

        /** Gate rules in order. */
        public Builder rules(List<RuleConfig> v) {
            this.rules = v;
            return this;
        }

        /** Display messages by reason code. */
        public Builder messages(Map<String, DisplayMessage> v) {
            this.messages = v;
            return this;
        }

        /** Holder binding key (base64). */
        public Builder holderBindingKey(String v) {
            this.holderBindingKey = v;
            return this;
        }

        /** Whether a health certificate is demanded. */
        public Builder healthCertificateRequired(boolean v) {
            this.healthCertificateRequired = v;
            return this;
        }

        /** How long the gate waits for the online claim (0: the gate's default). */
        public Builder onlineCheckBudgetMillis(long v) {
            this.onlineCheckBudgetMillis = v;
            return this;
        }

        /** Config version. */
        public Builder version(long v) {
            this.version = v;
            return this;
        }

        /** Gate policies by product id ({@code "*"} for every other product). */
        public Builder productPolicies(Map<String, ProductGatePolicy> v) {
            this.productPolicies = v;
            return this;
        }

        /** The other gates of the site. */
        public Builder peers(List<PeerInfo> v) {
            this.peers = v;
            return this;
        }

        /** Builds the value. */
        public DeviceConfig build() {
            return new DeviceConfig(
                    deviceId,
                    gateId,
                    areaId,
                    zones,
                    direction,
                    earlyToleranceSeconds,
                    lateToleranceSeconds,
                    rules,
                    messages,
                    holderBindingKey,
                    healthCertificateRequired,
                    onlineCheckBudgetMillis,
                    version,
                    productPolicies,
                    peers);
        }
    }
}
