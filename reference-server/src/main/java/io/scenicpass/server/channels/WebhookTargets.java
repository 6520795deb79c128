package io.scenicpass.server.channels;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the server may POST to (channel webhooks, the alert notifier): {@code http(s)} URLs whose host resolves to
 * public addresses only, so an admin-set URL cannot make the server call its own loopback, the LAN or a cloud
 * metadata address (server-side request forgery). Checked when a URL is registered (a typed 400) and again before
 * every delivery (the name may resolve elsewhere by then: DNS rebinding). {@code webhooks.allowPrivateTargets=true}
 * lifts the address rule (a receiver on the same host or LAN); the scheme rule always holds.
 */
public final class WebhookTargets {
    static final int MAX_URL_LENGTH = 2048;

    /** A delivery refused because the target now resolves to a private address. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Public addresses only (the default). */
    public static WebhookTargets publicOnly() {
        return new WebhookTargets(false);
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Validates a URL an operator registers; null or blank means "none" and is returned as null. BAD_REQUEST naming
     * {@code field} for anything but http(s) with a host, and for a host that resolves to a non-public address (a name
     * that does not resolve now is accepted: it is checked again at every delivery).
     */
    public String checkRegistration(String field, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri = parse(field, url.trim());
        if (!allowPrivate) {
            try {
                String bad = firstNonPublic(uri.getHost());
                if (bad != null) {
                    throw new ServiceException(
                            Problem.BAD_REQUEST,
                            field + " must point at a public address, but " + uri.getHost() + " is " + bad
                                    + " (set webhooks.allowPrivateTargets=true to allow it)");
                }
            } catch (UnknownHostException e) {
                // not resolvable now: delivery resolves and checks it again
            }
        }
        return uri.toString();
    }

    /** Before a delivery: the URL parsed, its host resolved now and every address checked. */
    public URI checkDelivery(String url) throws IOException {
        URI uri;
        try {
            uri = parse("url", url);
        } catch (ServiceException e) {
            throw new Refused(e.getMessage());
        }
        if (!allowPrivate) {
            String bad = firstNonPublic(uri.getHost());
            if (bad != null) {
                throw new Refused("target " + uri.getHost() + " is " + bad + " (webhooks.allowPrivateTargets is off)");
            }
        }
        return uri;
    }

    private static URI parse(String field, String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, field + " is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must not carry user info or a fragment");
        }
        return uri;
    }

    /** A description of the first non-public address {@code host} resolves to, or null when all are public. */
    private static String firstNonPublic(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress a : InetAddress.getAllByName(h)) {
            if (!isPublic(a)) {
                return "a non-public address (" + a.getHostAddress() + ")";
            }
        }
        return null;
    }

    /**
     * False for loopback, unspecified, private (RFC 1918, IPv6 unique-local), link-local, multicast, carrier-grade NAT,
     * benchmarking, reserved and broadcast addresses, and for IPv6 forms that embed such an IPv4 address
     * (IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}; IPv4-mapped ones arrive as IPv4).
     */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            return !(o0 == 0
                    || o0 >= 240 // "this network", reserved and broadcast
                    || (o0 == 100 && o1 >= 64 && o1 < 128) // carrier-grade NAT 100.64/10
                    || (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments 192.0.0/24
                    || (o0 == 198 && (o1 == 18 || o1 == 19))); // benchmarking 198.18/15
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
                return false;
            }
            if (allZero(b, 0, 12)
                    || (b[0] == 0x00
                            && b[1] == 0x64
                            && (b[2] & 0xff) == 0xff
                            && (b[3] & 0xff) == 0x9b
                            && allZero(b, 4, 12))) { // IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d
                return isPublic(v4(b, 12));
            }
            if (b[0] == 0x20 && b[1] == 0x02) { // 6to4 2002:a.b.c.d::/48
                return isPublic(v4(b, 2));
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
