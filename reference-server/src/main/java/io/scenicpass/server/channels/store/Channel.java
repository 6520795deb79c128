package io.scenicpass.server.channels.store;

/** A sales channel (official site, mini-program, OTA, travel agency). */
public record Channel(
        String id,
        String name,
        String kind,
        String webhookUrl,
        String webhookSecret,
        int ratePerSecond,
        int burst,
        boolean active) {}
