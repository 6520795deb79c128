package io.scenicpass.channel.model;

/** OCTO header names and capability ids understood by ScenicPass. */
public final class OctoCapabilities {
    /** Request header listing the capabilities a channel wants; echoed on responses. */
    public static final String HEADER = "Octo-Capabilities";
    /** Prices in minor units on products, availability and bookings. */
    public static final String PRICING = "octo/pricing";
    /** Titles and descriptions on products, options and units. */
    public static final String CONTENT = "octo/content";
    /** Booking webhooks. */
    public static final String WEBHOOKS = "octo/webhooks";

    private OctoCapabilities() {}
}
