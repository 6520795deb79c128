package io.scenicpass.terminal.lane;

import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.device.ScannedCredential;
import java.time.Instant;

/** A pass held for the companion window, waiting for its holder's document (or, if forStaff, for staff). */
final class HeldPass {
    final ScannedCredential scan;
    final Credential pass;
    final Instant until;
    final boolean forStaff;

    HeldPass(ScannedCredential scan, Credential pass, Instant until, boolean forStaff) {
        this.scan = scan;
        this.pass = pass;
        this.until = until;
        this.forStaff = forStaff;
    }

    boolean validAt(Instant now) {
        return now.isBefore(until);
    }
}
