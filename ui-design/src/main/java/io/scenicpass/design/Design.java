package io.scenicpass.design;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shared stylesheet: where it is on the classpath and its bytes, for a screen's server to serve. */
public final class Design {
    /** Classpath resource of the stylesheet. */
    public static final String STYLESHEET = "/io/scenicpass/design/scenicpass.css";

    private Design() {}

    /** @return the stylesheet's bytes (UTF-8 CSS) */
    public static byte[] stylesheet() {
        try (InputStream in = Design.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("stylesheet missing from the classpath: " + STYLESHEET);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
