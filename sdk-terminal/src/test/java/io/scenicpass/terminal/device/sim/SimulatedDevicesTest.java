package io.scenicpass.terminal.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.AlarmType;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.DeviceHealth;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.TestClock;
import io.scenicpass.terminal.device.TurnstileListener;
import io.scenicpass.terminal.document.IdCardText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedDevicesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T02:00:00Z"));

    @Test
    void turnstileCountsReleasesAndClassifiesUnreleasedPassages() {
        SimulatedTurnstile t = new SimulatedTurnstile("ts", clock, Duration.ofSeconds(2));
        List<Passage> passages = new ArrayList<>();
        List<Alarm> alarms = new ArrayList<>();
        t.setTurnstileListener(new TurnstileListener() {
            @Override
            public void onPassage(Passage p) {
                passages.add(p);
            }

            @Override
            public void onAlarm(Alarm a) {
                alarms.add(a);
            }
        });
        t.start();
        t.walkThrough();
        assertThat(alarms).extracting(Alarm::type).containsExactly(AlarmType.FORCED_ENTRY);
        assertThat(t.open(2)).isTrue();
        t.walkThrough();
        t.walkThrough();
        clock.advance(Duration.ofSeconds(1));
        t.walkThrough();
        assertThat(passages).extracting(Passage::authorised).containsExactly(false, true, true, false);
        assertThat(alarms).extracting(Alarm::type).containsExactly(AlarmType.FORCED_ENTRY, AlarmType.TAILGATING);
        t.simulateFault(DeviceFaultCode.DISCONNECTED, "unplugged", false);
        assertThat(t.open(1)).isFalse();
        t.simulateRecovery();
        assertThat(t.open(1)).isTrue();
        t.lock();
        assertThat(t.pendingPassages()).isZero();
    }

    @Test
    void readerEmitsEveryKindOnlyWhileStarted() {
        SimulatedCredentialReader r = new SimulatedCredentialReader("r", clock);
        List<ScannedCredential> got = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        r.setCredentialListener(new CredentialListener() {
            @Override
            public void onCredential(ScannedCredential c) {
                got.add(c);
            }

            @Override
            public void onUnreadable(String readerId, CredentialKind kind, String reason) {
                unreadable.add(reason);
            }
        });
        r.scanQr("SP1IGNORED");
        assertThat(got).isEmpty();
        r.start();
        r.scanQr("SP1ABC");
        r.presentIdCard(IdCardText.parse(
                IdCardText.encode("张三", "2", "01", "19491231", "x", "11010519491231002X", "y", "20150101", "长期"),
                new byte[0],
                LocalDate.of(2026, 5, 1)));
        r.presentMrz(Arrays.asList(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
        r.presentMrz(Arrays.asList(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<12"));
        assertThat(got)
                .extracting(ScannedCredential::kind)
                .containsExactly(CredentialKind.QR, CredentialKind.ID_CARD, CredentialKind.PASSPORT);
        assertThat(got.get(1).text()).isEqualTo("11010519491231002X");
        assertThat(got.get(2).text()).isEqualTo("L898902C3");
        assertThat(unreadable).containsExactly("MRZ_INVALID");
    }

    @Test
    void sensorsAreUnreadableWhileFaultyAndHealthIsReported() {
        SimulatedEnvironmentSensor s = new SimulatedEnvironmentSensor("env", clock);
        List<DeviceHealth> changes = new ArrayList<>();
        s.setHealthListener((id, h) -> changes.add(h));
        assertThat(s.read()).isEmpty();
        s.start();
        s.set(30.5, 70, 12.0, null);
        assertThat(s.read().get().gasPpm().getAsDouble()).isEqualTo(12.0);
        s.simulateFault(DeviceFaultCode.TIMEOUT, "no answer", true);
        assertThat(s.read()).isEmpty();
        s.simulateRecovery();
        assertThat(s.read()).isPresent();
        assertThat(changes).extracting(DeviceHealth::ok).containsExactly(true, false, true);
        assertThat(s.health().faultCount()).isEqualTo(1);
        assertThat(s.health().lastError().get().code()).isEqualTo(DeviceFaultCode.TIMEOUT);

        SimulatedPeopleCounter c = new SimulatedPeopleCounter("pc", clock);
        c.start();
        c.countIn(3);
        c.countOut(1);
        assertThat(c.read().get().in()).isEqualTo(3);
        assertThat(c.read().get().out()).isEqualTo(1);
    }
}
