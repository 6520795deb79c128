package io.scenicpass.server.flow;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Settings of the flow side. Properties (all optional): {@code flow.zone} (time zone of the area, default
 * Asia/Shanghai), {@code flow.parkZone} (the zone whose occupancy is the park's, default {@code park}),
 * {@code flow.parkCapacity} (people at once; 0 = the day's ticket pool), {@code flow.dayPool} (default
 * {@code park-daily}), {@code flow.alertThreshold} (default 0.8), {@code flow.alertHysteresis} (default 0.1: an
 * alert clears below threshold − hysteresis), {@code flow.notifierUrl} (POST target of alert notifications, none
 * by default), {@code flow.trainingDays} (default 28), {@code flow.alertIntervalSeconds} (default 30),
 * {@code flow.demoHistoryDays} (synthetic history the demo seeds, default 28, 0 = none).
 */
public record FlowConfig(
        ZoneId zone,
        String parkZone,
        int parkCapacity,
        String dayPool,
        double threshold,
        double hysteresis,
        String notifierUrl,
        int trainingDays,
        Duration alertInterval) {

    public static FlowConfig defaults() {
        return of(Map.of());
    }

    /**
     * From properties (missing keys take the defaults). Keys match ignoring case, dots and underscores, so
     * {@code flow.notifierUrl}, {@code flow.notifier.url} (from {@code SCENICPASS_FLOW_NOTIFIER_URL}) are the same.
     */
    public static FlowConfig of(Map<String, String> given) {
        Map<String, String> p = new java.util.HashMap<>();
        given.forEach((k, v) -> {
            if (v != null) {
                p.put(norm(k), v);
            }
        });
        for (String k : KEYS) {
            String v = p.get(norm(k));
            if (v != null) {
                p.put(k, v);
            }
        }
        String url = p.get("flow.notifierUrl");
        return new FlowConfig(
                ZoneId.of(p.getOrDefault("flow.zone", "Asia/Shanghai")),
                p.getOrDefault("flow.parkZone", "park"),
                Integer.parseInt(p.getOrDefault("flow.parkCapacity", "0")),
                p.getOrDefault("flow.dayPool", "park-daily"),
                Double.parseDouble(p.getOrDefault("flow.alertThreshold", "0.8")),
                Double.parseDouble(p.getOrDefault("flow.alertHysteresis", "0.1")),
                url == null || url.isBlank() ? null : url,
                Integer.parseInt(p.getOrDefault("flow.trainingDays", "28")),
                Duration.ofSeconds(Long.parseLong(p.getOrDefault("flow.alertIntervalSeconds", "30"))));
    }

    private static final String[] KEYS = {
        "flow.zone",
        "flow.parkZone",
        "flow.parkCapacity",
        "flow.dayPool",
        "flow.alertThreshold",
        "flow.alertHysteresis",
        "flow.notifierUrl",
        "flow.trainingDays",
        "flow.alertIntervalSeconds",
        "flow.demoHistoryDays"
    };

    private static String norm(String k) {
        return k.toLowerCase(java.util.Locale.ROOT).replace(".", "").replace("_", "");
    }

    /** Days of synthetic history the demo seeds ({@code flow.demoHistoryDays}, default 28; 0 = none). */
    public static int demoHistoryDays(Map<String, String> given) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (norm(e.getKey()).equals(norm("flow.demoHistoryDays")) && e.getValue() != null) {
                return Integer.parseInt(e.getValue().trim());
            }
        }
        return 28;
    }

    public FlowConfig withNotifierUrl(String url) {
        return new FlowConfig(
                zone, parkZone, parkCapacity, dayPool, threshold, hysteresis, url, trainingDays, alertInterval);
    }
}
