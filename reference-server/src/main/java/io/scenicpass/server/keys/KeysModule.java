package io.scenicpass.server.keys;

import io.scenicpass.server.Platform;
import io.scenicpass.server.db.SettingStore;

/** The issuer's signing keys and the signed key set the gates trust. */
public final class KeysModule {
    public final KeyService keys;

    /** Opens (or creates) the keys under the data directory, encrypted with {@code passphrase}. */
    public KeysModule(Platform p, char[] passphrase) {
        keys = new KeyService(
                p.db(),
                new IssuerKeyStore(),
                new SettingStore(),
                p.config().keysDir(),
                passphrase,
                p.clock(),
                p.random());
        keys.start();
    }
}
