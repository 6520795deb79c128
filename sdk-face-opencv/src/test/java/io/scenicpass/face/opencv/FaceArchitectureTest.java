package io.scenicpass.face.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.arch.ApiShape;
import org.junit.jupiter.api.Test;

/** The face matcher's API hides its internals (the jar exports every package). */
class FaceArchitectureTest {
    @Test
    void noPublicSignatureMentionsAnInternalType() {
        assertThat(ApiShape.classNames(OpenCvFace.class)).anyMatch(n -> n.contains(".internal."));
        assertThat(ApiShape.internalLeaks(OpenCvFace.class)).isEmpty();
    }
}
