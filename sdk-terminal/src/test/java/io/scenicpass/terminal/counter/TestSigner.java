package io.scenicpass.terminal.counter;

import io.scenicpass.core.Claims;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import java.security.SecureRandom;

/** A {@link PassSigner} on a test key through sdk-core's PassIssuer (a delegated key stands behind the real one). */
public final class TestSigner implements PassSigner {
    private final IssuerKey key;
    private final PassIssuer issuer;

    public TestSigner(IssuerKey key) {
        this.key = key;
        this.issuer = new PassIssuer(key);
    }

    public TestSigner() {
        this(IssuerKey.generate(new SecureRandom()));
    }

    public IssuerKey key() {
        return key;
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public String passId(int serial) {
        return "D" + key.keyId().toUpperCase(java.util.Locale.ROOT) + "-" + serial;
    }

    @Override
    public Pass sign(Claims claims) {
        return issuer.issue(claims);
    }
}
