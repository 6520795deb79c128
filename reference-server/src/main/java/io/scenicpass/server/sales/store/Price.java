package io.scenicpass.server.sales.store;

/** Price of a unit in minor units; channelId "*" is the default for every channel. */
public record Price(String unitId, String channelId, long retail, long net) {
    public static final String ANY_CHANNEL = "*";
}
