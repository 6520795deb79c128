package io.scenicpass.terminal.sync;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator's enrollment QR code says. Two forms are accepted:
 * <ul>
 *   <li>a URL {@code https://tickets.example.com/terminal/v1/enroll?token=TOKEN} — server and token in one
 *       scan (the form the reference server shows);</li>
 *   <li>the bare token, when the server URL is configured on the gate.</li>
 * </ul>
 */
public final class EnrollmentCode {
    private static final String ENROLL_PATH = "/terminal/v1/enroll";
    private final String serverUrl;
    private final String token;

    private EnrollmentCode(String serverUrl, String token) {
        this.serverUrl = serverUrl;
        this.token = token;
    }

    /**
     * @param text the scanned QR text
     * @return the parsed code
     * @throws SyncException INVALID_INPUT when the text is neither a token nor an enrollment URL
     */
    public static EnrollmentCode parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new SyncException(SyncErrorCode.INVALID_INPUT, "empty enrollment code");
        }
        if (t.startsWith("http://") || t.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(t);
            } catch (IllegalArgumentException e) {
                throw new SyncException(SyncErrorCode.INVALID_INPUT, "enrollment URL is not a valid URL");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            int at = path.indexOf(ENROLL_PATH);
            String token = query(uri.getRawQuery(), "token");
            if (at < 0 || token == null || token.isEmpty()) {
                throw new SyncException(
                        SyncErrorCode.INVALID_INPUT,
                        "enrollment URL must look like <server>" + ENROLL_PATH + "?token=...");
            }
            String base = uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, at);
            return new EnrollmentCode(base, token);
        }
        if (!t.matches("[A-Za-z0-9._~-]{8,512}")) {
            throw new SyncException(SyncErrorCode.INVALID_INPUT, "enrollment token has invalid characters");
        }
        return new EnrollmentCode(null, t);
    }

    /** @return the server base URL carried by the code, if any */
    public Optional<String> serverUrl() {
        return Optional.ofNullable(serverUrl);
    }

    /** @return the one-time enrollment token */
    public String token() {
        return token;
    }

    private static String query(String raw, String name) {
        if (raw == null) {
            return null;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8.name());
                } catch (java.io.UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "EnrollmentCode{server=" + serverUrl + ", token=***}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrollmentCode
                && Objects.equals(((EnrollmentCode) o).serverUrl, serverUrl)
                && ((EnrollmentCode) o).token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }
}
