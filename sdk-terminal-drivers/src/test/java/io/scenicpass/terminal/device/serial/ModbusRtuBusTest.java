package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class ModbusRtuBusTest {
    private SocatPair pty;
    private FakeModbusSlave slave;
    private ModbusRtuBus bus;

    @BeforeEach
    void setUp() throws Exception {
        pty = SocatPair.start();
        slave = new FakeModbusSlave(pty.peer(), 1, 7);
        bus = new ModbusRtuBus(
                SerialSettings.forPort(pty.driverEnd())
                        .baudRate(19200)
                        .reconnectDelay(Duration.ofMillis(20))
                        .build(),
                Duration.ofMillis(300));
    }

    @AfterEach
    void tearDown() throws Exception {
        bus.close();
        slave.close();
        pty.close();
    }

    @Test
    void readsRegistersAndInputsAndWritesCoils() throws Exception {
        slave.unit(1).holding[0] = 655;
        slave.unit(1).holding[1] = 0xFF9C; // -10.0 as signed tenths
        slave.unit(7).input[4] = 1234;
        slave.unit(7).discrete[2] = true;
        assertThat(bus.readHoldingRegisters(1, 0, 2)).containsExactly(655, 0xFF9C);
        assertThat(bus.readInputRegisters(7, 4, 1)).containsExactly(1234);
        assertThat(bus.readDiscreteInputs(7, 0, 4)).containsExactly(false, false, true, false);
        bus.writeCoil(1, 3, true);
        assertThat(slave.unit(1).coils[3]).isTrue();
        assertThat(bus.readCoils(1, 3, 1)).containsExactly(true);
        bus.writeCoil(1, 3, false);
        assertThat(slave.unit(1).coils[3]).isFalse();
        assertThat(slave.badRequests.get()).as("requests with a bad CRC").isZero();
    }

    @Test
    void anEchoingAdapterIsHandledWhenConfigured() throws Exception {
        slave.echo = true;
        slave.unit(1).holding[5] = 4321;
        bus.close(); // one master on the bus at a time
        try (ModbusRtuBus echoing = new ModbusRtuBus(
                SerialSettings.forPort(pty.driverEnd())
                        .echo(true)
                        .reconnectDelay(Duration.ofMillis(20))
                        .build(),
                Duration.ofMillis(300))) {
            assertThat(echoing.readHoldingRegisters(1, 5, 1)).containsExactly(4321);
            echoing.writeCoil(1, 0, true);
            assertThat(slave.unit(1).coils[0]).isTrue();
        }
        // Last, so that the answer it leaves unread behind the echo cannot disturb another master.
        try (ModbusRtuBus plain = new ModbusRtuBus(
                SerialSettings.forPort(pty.driverEnd())
                        .reconnectDelay(Duration.ofMillis(20))
                        .build(),
                Duration.ofMillis(300))) {
            assertThatThrownBy(() -> plain.readHoldingRegisters(1, 5, 1))
                    .as("echo not expected")
                    .isInstanceOf(ModbusException.class);
        }
    }

    @Test
    void anExceptionResponseIsADeviceError() throws Exception {
        slave.faults.add(FakeModbusSlave.Fault.EXCEPTION);
        assertThatThrownBy(() -> bus.readHoldingRegisters(1, 0, 2)).isInstanceOfSatisfying(ModbusException.class, e -> {
            assertThat(e.code()).isEqualTo(DeviceFaultCode.DEVICE_ERROR);
            assertThat(e.exceptionCode()).isEqualTo(2);
            assertThat(e.connected()).isTrue();
        });
        assertThat(bus.readHoldingRegisters(1, 0, 1)).hasSize(1);
    }

    @Test
    void badCrcSilenceGarbageAndTruncationAreFaultsAndTheBusRecovers() throws Exception {
        expectFault(FakeModbusSlave.Fault.BAD_CRC, DeviceFaultCode.BAD_CHECKSUM);
        expectFault(FakeModbusSlave.Fault.SILENT, DeviceFaultCode.TIMEOUT);
        expectFault(FakeModbusSlave.Fault.GARBAGE, DeviceFaultCode.BAD_CHECKSUM);
        expectFault(FakeModbusSlave.Fault.TRUNCATED, DeviceFaultCode.MALFORMED_FRAME);
    }

    @Test
    void anAbsentSlaveTimesOut() {
        assertThatThrownBy(() -> bus.readHoldingRegisters(9, 0, 1))
                .isInstanceOfSatisfying(
                        ModbusException.class, e -> assertThat(e.code()).isEqualTo(DeviceFaultCode.TIMEOUT));
    }

    @Test
    void unplugIsADisconnectAndReplugRecovers() throws Exception {
        assertThat(bus.readHoldingRegisters(1, 0, 1)).hasSize(1);
        slave.close();
        pty.unplug();
        assertThatThrownBy(() -> bus.readHoldingRegisters(1, 0, 1))
                .isInstanceOfSatisfying(
                        ModbusException.class, e -> assertThat(e.connected()).isFalse());
        pty.plugIn();
        slave = new FakeModbusSlave(pty.peer(), 1);
        slave.unit(1).holding[0] = 42;
        Await.until("bus back", 10000, () -> {
            try {
                return bus.readHoldingRegisters(1, 0, 1)[0] == 42;
            } catch (ModbusException e) {
                return false;
            }
        });
    }

    private void expectFault(FakeModbusSlave.Fault fault, DeviceFaultCode code) throws Exception {
        slave.faults.add(fault);
        assertThatThrownBy(() -> bus.readHoldingRegisters(1, 0, 2))
                .as(fault.name())
                .isInstanceOfSatisfying(ModbusException.class, e -> {
                    if (code != null) {
                        assertThat(e.code()).isEqualTo(code);
                    }
                    assertThat(e.connected()).isTrue();
                });
        slave.unit(1).holding[0] = 77;
        Await.until("recovered after " + fault, 5000, () -> {
            try {
                return bus.readHoldingRegisters(1, 0, 2)[0] == 77;
            } catch (ModbusException e) {
                return false;
            }
        });
        slave.unit(1).holding[0] = 0;
    }
}
