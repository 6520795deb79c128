package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.AlarmType;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.TestClock;
import io.scenicpass.terminal.device.TurnstileListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class ModbusTurnstileTest {
    private static final int UNIT = 3;
    private SocatPair pty;
    private FakeModbusSlave board;
    private ModbusRtuBus bus;
    private ModbusTurnstile turnstile;
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T02:00:00Z"));
    private final List<Passage> passages = new CopyOnWriteArrayList<>();
    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        pty = SocatPair.start();
        board = new FakeModbusSlave(pty.peer(), UNIT);
        bus = new ModbusRtuBus(
                SerialSettings.forPort(pty.driverEnd())
                        .reconnectDelay(Duration.ofMillis(20))
                        .build(),
                Duration.ofMillis(200));
        turnstile = ModbusTurnstile.builder("ts1", bus, UNIT)
                .clock(clock)
                .openCoil(2)
                .passageInput(0)
                .tamperInput(1)
                .pulseWidth(Duration.ofMillis(60))
                .pollInterval(Duration.ofMillis(10))
                .tailgateWindow(Duration.ofSeconds(2))
                .build();
        turnstile.setTurnstileListener(new TurnstileListener() {
            @Override
            public void onPassage(Passage p) {
                passages.add(p);
            }

            @Override
            public void onAlarm(Alarm a) {
                alarms.add(a);
            }
        });
        turnstile.start();
        Await.until("turnstile polling", 5000, () -> turnstile.health().ok());
    }

    @AfterEach
    void tearDown() throws Exception {
        turnstile.close();
        bus.close();
        board.close();
        pty.close();
    }

    /** The sensor sees one person: input high for a few polls, then low again. */
    private void personPasses() {
        int before = board.requests.get();
        board.unit(UNIT).discrete[0] = true;
        Await.until("sensor high seen", 5000, () -> board.requests.get() >= before + 3);
        int mid = board.requests.get();
        board.unit(UNIT).discrete[0] = false;
        Await.until("sensor low seen", 5000, () -> board.requests.get() >= mid + 3);
    }

    @Test
    void releasesOnePulsePerPassageAndCountsThem() {
        assertThat(turnstile.open(2)).isTrue();
        assertThat(turnstile.pendingPassages()).isEqualTo(2);
        Await.until(
                "coil pulsed on then off",
                5000,
                () -> board.unit(UNIT).coilWrites.get() >= 2 && !board.unit(UNIT).coils[2]);
        personPasses();
        Await.until("first passage", 5000, () -> passages.size() == 1);
        assertThat(passages.get(0).authorised()).isTrue();
        assertThat(turnstile.pendingPassages()).isEqualTo(1);
        Await.until("second pulse", 5000, () -> board.unit(UNIT).coilWrites.get() >= 4);
        personPasses();
        Await.until("second passage", 5000, () -> passages.size() == 2);
        assertThat(turnstile.pendingPassages()).isZero();
        assertThat(alarms).isEmpty();
    }

    @Test
    void anUnreleasedPassageIsTailgatingRightAfterAnAdmissionAndForcedEntryOtherwise() {
        turnstile.open(1);
        personPasses();
        Await.until("authorised passage", 5000, () -> passages.size() == 1);
        personPasses();
        Await.until("tailgating alarm", 5000, () -> alarms.size() == 1);
        assertThat(alarms.get(0).type()).isEqualTo(AlarmType.TAILGATING);
        assertThat(passages.get(1).authorised()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        personPasses();
        Await.until("forced-entry alarm", 5000, () -> alarms.size() == 2);
        assertThat(alarms.get(1).type()).isEqualTo(AlarmType.FORCED_ENTRY);
    }

    @Test
    void lockCancelsPendingPassagesAndTamperRaisesAnAlarm() {
        turnstile.open(3);
        turnstile.lock();
        assertThat(turnstile.pendingPassages()).isZero();
        assertThat(board.unit(UNIT).coils[2]).isFalse();
        board.unit(UNIT).discrete[1] = true;
        Await.until("tamper alarm", 5000, () -> !alarms.isEmpty());
        assertThat(alarms.get(0).type()).isEqualTo(AlarmType.TAMPER);
    }

    @Test
    void busErrorsAreFaultsAndTheTurnstileRecovers() {
        board.faults.add(FakeModbusSlave.Fault.BAD_CRC);
        board.faults.add(FakeModbusSlave.Fault.EXCEPTION);
        Await.until("faults consumed", 5000, () -> board.faults.isEmpty());
        Await.until("recovered", 5000, () -> turnstile.health().ok());
        assertThat(turnstile.health().faultCount()).isGreaterThanOrEqualTo(2);
        assertThat(turnstile.health().lastError().get().code())
                .isIn(DeviceFaultCode.BAD_CHECKSUM, DeviceFaultCode.DEVICE_ERROR);
        turnstile.open(1);
        personPasses();
        Await.until("passage after recovery", 5000, () -> passages.size() == 1);
    }

    @Test
    void anUnpluggedBusIsADisconnectAndTheTurnstileComesBack() throws Exception {
        board.close();
        pty.unplug();
        Await.until("disconnect reported", 5000, () -> !turnstile.health().connected());
        assertThat(turnstile.health().faulty()).isTrue();
        assertThat(turnstile.open(1)).as("cannot actuate while unplugged").isFalse();
        assertThat(turnstile.pendingPassages()).isZero();
        pty.plugIn();
        board = new FakeModbusSlave(pty.peer(), UNIT);
        Await.until("reconnected", 10000, () -> turnstile.health().ok());
        assertThat(turnstile.open(1)).isTrue();
        personPasses();
        Await.until("passage after replug", 5000, () -> passages.size() == 1);
        assertThat(passages.get(0).authorised()).isTrue();
    }
}
