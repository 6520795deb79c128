package io.scenicpass.core;

/** The version of the ScenicPass protocol and SDK this library implements. */
public final class ScenicPassVersion {
    /** Version of the SDK artifacts. */
    public static final String SDK = "0.1.0";
    /** Version of the pass format; also the digit in the pass text prefix ({@code SP1}). */
    public static final int PASS_FORMAT = 1;

    private ScenicPassVersion() {}
}
