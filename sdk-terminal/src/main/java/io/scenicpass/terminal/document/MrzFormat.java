package io.scenicpass.terminal.document;

/** The ICAO 9303 machine-readable-zone layouts. */
public enum MrzFormat {
    /** ID card size 1: three lines of 30 characters. */
    TD1(3, 30),
    /** ID card size 2: two lines of 36 characters. */
    TD2(2, 36),
    /** Passport booklet: two lines of 44 characters. */
    TD3(2, 44),
    /** Machine-readable visa, full size: two lines of 44 characters, document code V. */
    MRVA(2, 44),
    /** Machine-readable visa, small size: two lines of 36 characters, document code V. */
    MRVB(2, 36);

    private final int lines;
    private final int length;

    MrzFormat(int lines, int length) {
        this.lines = lines;
        this.length = length;
    }

    /** Number of lines. */
    public int lines() {
        return lines;
    }

    /** Characters per line. */
    public int lineLength() {
        return length;
    }

    /** Whether this is a visa layout (no composite check digit). */
    public boolean isVisa() {
        return this == MRVA || this == MRVB;
    }
}
