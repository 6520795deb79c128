package io.scenicpass.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.PassCodec;
import org.junit.jupiter.api.Test;

/** sdk-core's API hides its internals (the jar's Automatic-Module-Name exports every package). */
class CoreArchitectureTest {
    @Test
    void noPublicSignatureMentionsAnInternalType() {
        assertThat(ApiShape.classNames(PassCodec.class)).contains("io.scenicpass.core.internal.cbor.Cbor");
        assertThat(ApiShape.internalLeaks(PassCodec.class)).isEmpty();
    }
}
