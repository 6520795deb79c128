package io.scenicpass.core.wire;

/** HTTP header names and schemes of the terminal API. */
public final class WireHeaders {
    /** Server time in epoch milliseconds, on every terminal API response. */
    public static final String SERVER_TIME = "X-ScenicPass-Server-Time";
    /** Authorization scheme: {@code Authorization: Device <token>}. */
    public static final String AUTHORIZATION_SCHEME = "Device";

    private WireHeaders() {}
}
