package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenicPassVersionTest {
    @Test
    void passFormatMatchesTextPrefix() {
        assertThat("SP" + ScenicPassVersion.PASS_FORMAT).isEqualTo("SP1");
    }
}
