package io.scenicpass.server.console;

/** The authenticator's code of a secret at a time, for tests outside this package (what a phone would show). */
public final class TotpCodes {
    private TotpCodes() {}

    public static String at(String base32Secret, long epochMillis) {
        return Totp.code(Totp.unbase32(base32Secret), Totp.step(epochMillis), 6, "HmacSHA1");
    }
}
