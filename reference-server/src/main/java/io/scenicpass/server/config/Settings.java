package io.scenicpass.server.config;

import java.util.Map;

/** Reading a feature's settings from its properties: numbers in a range, booleans, optional texts; clear errors. */
public final class Settings {
    private Settings() {}

    /** {@code name} as a number {@code min..max}; {@code dflt} when unset. */
    public static int number(Map<String, String> p, String name, int dflt, int min, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be a number " + min + ".." + max + ", not '" + v + "'");
        }
        return n;
    }

    /** {@code name} as true or false; {@code dflt} when unset. */
    public static boolean bool(Map<String, String> p, String name, boolean dflt) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        if (!v.trim().equals("true") && !v.trim().equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v.trim());
    }

    /** {@code name} trimmed, or null when unset or blank. */
    public static String text(Map<String, String> p, String name) {
        String v = p.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
