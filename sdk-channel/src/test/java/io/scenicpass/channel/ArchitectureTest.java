package io.scenicpass.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.arch.ApiShape;
import org.junit.jupiter.api.Test;

/** sdk-channel's API hides its internals (the jar's Automatic-Module-Name exports every package). */
class ArchitectureTest {
    @Test
    void noPublicSignatureMentionsAnInternalType() {
        assertThat(ApiShape.classNames(ChannelClient.class)).anyMatch(n -> n.contains(".internal."));
        assertThat(ApiShape.internalLeaks(ChannelClient.class)).isEmpty();
    }
}
