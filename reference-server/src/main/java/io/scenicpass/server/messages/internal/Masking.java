package io.scenicpass.server.messages.internal;

/** Contact data as the log may show it: {@code 138****5678}, {@code z***@example.com}. */
public final class Masking {
    private Masking() {}

    public static String mobile(String m) {
        return m == null || m.length() < 8 ? "***" : m.substring(0, 3) + "****" + m.substring(m.length() - 4);
    }

    public static String address(String a) {
        if (a == null) {
            return "***";
        }
        int at = a.indexOf('@');
        return at < 0 ? mobile(a) : (at == 0 ? "" : a.charAt(0)) + "***" + a.substring(at);
    }
}
