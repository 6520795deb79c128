package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.arch.ApiShape;
import org.junit.jupiter.api.Test;

/** The drivers' API hides their internals (the jar's Automatic-Module-Name exports every package). */
class DriversArchitectureTest {
    @Test
    void noPublicSignatureMentionsAnInternalType() {
        assertThat(ApiShape.classNames(ModbusRtuBus.class)).anyMatch(n -> n.contains(".internal."));
        assertThat(ApiShape.internalLeaks(ModbusRtuBus.class)).isEmpty();
    }
}
