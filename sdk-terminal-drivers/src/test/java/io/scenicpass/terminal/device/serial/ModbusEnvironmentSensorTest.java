package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.EnvironmentReading;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class ModbusEnvironmentSensorTest {
    private SocatPair pty;
    private FakeModbusSlave slave;
    private ModbusRtuBus bus;

    @BeforeEach
    void setUp() throws Exception {
        pty = SocatPair.start();
        slave = new FakeModbusSlave(pty.peer(), 1, 2);
        bus = new ModbusRtuBus(
                SerialSettings.forPort(pty.driverEnd())
                        .reconnectDelay(Duration.ofMillis(20))
                        .build(),
                Duration.ofMillis(200));
    }

    @AfterEach
    void tearDown() throws Exception {
        bus.close();
        slave.close();
        pty.close();
    }

    @Test
    void readsTemperatureHumidityGasAndOxygen() {
        slave.unit(1).holding[0] = 655; // 65.5 %RH
        slave.unit(1).holding[1] = 0xFFFF & -52; // -5.2 °C
        ModbusEnvironmentSensor sensor =
                ModbusEnvironmentSensor.builder("env1", bus, 1).build();
        EnvironmentReading r = sensor.read().orElseThrow();
        assertThat(r.temperatureCelsius()).isEqualTo(-5.2);
        assertThat(r.relativeHumidity()).isEqualTo(65.5);
        assertThat(r.gasPpm()).isEmpty();

        slave.unit(2).input[10] = 231;
        slave.unit(2).input[11] = 402;
        slave.unit(2).input[12] = 35;
        slave.unit(2).input[13] = 209;
        ModbusEnvironmentSensor cave = ModbusEnvironmentSensor.builder("cave", bus, 2)
                .registerType(ModbusEnvironmentSensor.RegisterType.INPUT)
                .temperatureRegister(10)
                .humidityRegister(11)
                .gasRegister(12)
                .oxygenRegister(13)
                .build();
        EnvironmentReading c = cave.read().orElseThrow();
        assertThat(c.temperatureCelsius()).isEqualTo(23.1);
        assertThat(c.relativeHumidity()).isEqualTo(40.2);
        assertThat(c.gasPpm().getAsDouble()).isEqualTo(3.5);
        assertThat(c.oxygenPercent().getAsDouble()).isEqualTo(20.9);
        assertThat(cave.health().ok()).isTrue();
    }

    @Test
    void aFailedReadIsEmptyAndAFaultThenRecovers() {
        ModbusEnvironmentSensor sensor =
                ModbusEnvironmentSensor.builder("env1", bus, 1).build();
        slave.faults.add(FakeModbusSlave.Fault.SILENT);
        Optional<EnvironmentReading> r = sensor.read();
        assertThat(r).isEmpty();
        assertThat(sensor.health().faulty()).isTrue();
        assertThat(sensor.health().lastError().get().code()).isEqualTo(DeviceFaultCode.TIMEOUT);
        assertThat(sensor.read()).isPresent();
        assertThat(sensor.health().ok()).isTrue();
    }
}
