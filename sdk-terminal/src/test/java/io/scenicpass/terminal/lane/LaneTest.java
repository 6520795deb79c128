package io.scenicpass.terminal.lane;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Direction;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.core.wire.TelemetryKind;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.GateFixture;
import io.scenicpass.terminal.PendingEvent;
import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.AlarmType;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.DisplayTone;
import io.scenicpass.terminal.device.IndicatorSignal;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.sim.SimulatedCredentialReader;
import io.scenicpass.terminal.device.sim.SimulatedDisplay;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import io.scenicpass.terminal.device.sim.SimulatedEnvironmentSensor;
import io.scenicpass.terminal.device.sim.SimulatedIndicator;
import io.scenicpass.terminal.device.sim.SimulatedPeopleCounter;
import io.scenicpass.terminal.device.sim.SimulatedTurnstile;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneTest {
    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private final ManualScheduler scheduler = new ManualScheduler(f.clock);
    private Gate gate;
    private SimulatedCredentialReader qr;
    private SimulatedCredentialReader idReader;
    private SimulatedTurnstile turnstile;
    private SimulatedDisplay display;
    private SimulatedIndicator indicator;
    private SimulatedEnvironmentSensor sensor;
    private SimulatedPeopleCounter counter;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();
    private final List<Passage> passages = new ArrayList<>();
    private final List<String> timeouts = new ArrayList<>();
    private final List<TelemetryReading> telemetry = new ArrayList<>();
    private Lane lane;

    @BeforeEach
    void setUp() {
        gate = f.gate(dir);
        qr = new SimulatedCredentialReader("qr", f.clock);
        idReader = new SimulatedCredentialReader("idcard", f.clock);
        turnstile = new SimulatedTurnstile("ts", f.clock);
        display = new SimulatedDisplay("display", f.clock);
        indicator = new SimulatedIndicator("light", f.clock);
        sensor = new SimulatedEnvironmentSensor("env", f.clock);
        counter = new SimulatedPeopleCounter("counter", f.clock);
        lane = lane(Direction.IN);
        lane.start();
    }

    private Lane lane(Direction direction) {
        return Lane.builder("lane-1", gate)
                .direction(direction)
                .zone("main")
                .reader(qr)
                .reader(idReader)
                .turnstile(turnstile)
                .display(display)
                .indicator(indicator)
                .sensor(sensor)
                .peopleCounter(counter)
                .clock(f.clock)
                .scheduler(scheduler)
                .telemetry(telemetry::add)
                .passageTimeout(Duration.ofSeconds(10))
                .telemetryInterval(Duration.ofMinutes(1))
                .environmentLimits(50, 19.5)
                .listener(new LaneListener() {
                    @Override
                    public void onDecision(ScannedCredential credential, Decision decision) {
                        decisions.add(decision);
                    }

                    @Override
                    public void onIgnored(ScannedCredential credential, String reason) {
                        ignored.add(reason);
                    }

                    @Override
                    public void onPassage(Passage passage, Decision admission) {
                        passages.add(passage);
                    }

                    @Override
                    public void onPassageTimeout(Decision admission, int passed, int expected, boolean restored) {
                        timeouts.add(passed + "/" + expected + (restored ? " restored" : ""));
                    }

                    @Override
                    public void onAlarm(Alarm alarm) {
                        alarms.add(alarm);
                    }
                })
                .build();
    }

    @AfterEach
    void tearDown() {
        lane.close();
        gate.close();
    }

    private String singleEntryPass() {
        return f.issue(f.claims().build()).text();
    }

    private List<String> journaledReasons() {
        return gate.pendingEvents(1000).stream()
                .map(PendingEvent::event)
                .map(e -> e.reason())
                .collect(Collectors.toList());
    }

    @Test
    void admitsOpensTheTurnstileAndWaitsForThePassage() {
        String pass = singleEntryPass();
        qr.scanQr(pass);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).admitted()).isTrue();
        assertThat(turnstile.pendingPassages()).isEqualTo(1);
        assertThat(display.last().tone()).isEqualTo(DisplayTone.ADMIT);
        assertThat(display.last().zh()).isEqualTo(decisions.get(0).messageZh());
        assertThat(indicator.current()).isEqualTo(IndicatorSignal.ADMIT);
        assertThat(lane.busy()).isTrue();

        turnstile.walkThrough();
        assertThat(passages).hasSize(1);
        assertThat(lane.busy()).isFalse();
        assertThat(indicator.current()).isEqualTo(IndicatorSignal.IDLE);

        scheduler.advance(Duration.ofSeconds(30));
        assertThat(timeouts).isEmpty();
        qr.scanQr(pass);
        assertThat(decisions.get(1).admitted()).isFalse();
        assertThat(display.last().tone()).isEqualTo(DisplayTone.DENY);
        assertThat(turnstile.pendingPassages()).isZero();
    }

    @Test
    void nobodyPassingWithinTheTimeoutGivesTheEntryBack() {
        String pass = singleEntryPass();
        qr.scanQr(pass);
        scheduler.advance(Duration.ofSeconds(9));
        assertThat(timeouts).isEmpty();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(timeouts).containsExactly("0/1 restored");
        assertThat(turnstile.pendingPassages()).isZero();
        assertThat(journaledReasons()).containsExactly(Reason.OK, Reason.NOT_PASSED);
        assertThat(display.last().en()).contains("not used");

        qr.scanQr(pass);
        assertThat(decisions.get(1).admitted()).as("entry restored").isTrue();
    }

    @Test
    void aGroupPassLetsItsPartyThroughAndATailgaterRaisesAnAlarm() {
        String group =
                f.issue(f.claims().kind(PassKind.GROUP).partySize(3).build()).text();
        qr.scanQr(group);
        assertThat(decisions.get(0).partyCount()).isEqualTo(3);
        assertThat(turnstile.pendingPassages()).isEqualTo(3);
        turnstile.walkThrough();
        turnstile.walkThrough();
        assertThat(lane.busy()).isTrue();
        turnstile.walkThrough();
        assertThat(lane.busy()).isFalse();
        turnstile.walkThrough();
        assertThat(alarms).extracting(Alarm::type).containsExactly(AlarmType.TAILGATING);
        assertThat(indicator.current()).isEqualTo(IndicatorSignal.ALARM);
        assertThat(display.last().tone()).isEqualTo(DisplayTone.ALERT);
    }

    @Test
    void aPartlyUsedGroupReleaseIsCancelledButNotGivenBack() {
        String group =
                f.issue(f.claims().kind(PassKind.GROUP).partySize(3).build()).text();
        qr.scanQr(group);
        turnstile.walkThrough();
        scheduler.advance(Duration.ofSeconds(11));
        assertThat(timeouts).containsExactly("1/3");
        assertThat(turnstile.pendingPassages()).isZero();
        assertThat(journaledReasons()).containsExactly(Reason.OK);
    }

    @Test
    void oneDecisionAtATimeAcrossReaders() {
        qr.scanQr(singleEntryPass());
        idReader.present(CredentialKind.ID_CARD, "11010519491231002X");
        qr.scanQr(singleEntryPass());
        assertThat(decisions).hasSize(1);
        assertThat(ignored).containsExactly("LANE_BUSY", "LANE_BUSY");
        assertThat(journaledReasons()).hasSize(1);
        turnstile.walkThrough();
        idReader.present(CredentialKind.ID_CARD, "11010519491231002X");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aConcessionPassWaitsForTheHoldersIdCard() {
        String number = "11010519491231002X";
        String pass = f.issue(f.claims()
                        .concession(true)
                        .holderBinding(GateFixture.binding(DocumentType.CN_ID, number))
                        .build())
                .text();
        qr.scanQr(pass);
        assertThat(decisions.get(0).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
        idReader.present(CredentialKind.ID_CARD, number);
        assertThat(decisions.get(1).admitted()).isTrue();
        assertThat(turnstile.pendingPassages()).isEqualTo(1);
    }

    @Test
    void aSeniorTicketIsProvenByTheDateOfBirthOfThePassportThatFollowsIt() {
        String pass = f.issue(f.claims().concession(true).minAge(60).build()).text();
        qr.scanQr(pass);
        assertThat(decisions.get(0).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
        idReader.presentMrz(SimulatedDocuments.mrz("P", "GBR", "X1234567", LocalDate.of(1950, 4, 5), "SMITH"));
        assertThat(decisions.get(1).reason()).isEqualTo(Reason.OK);
        turnstile.walkThrough();
        // a younger visitor's passport does not prove it
        qr.scanQr(f.issue(f.claims().concession(true).minAge(60).build()).text());
        idReader.presentMrz(SimulatedDocuments.mrz("P", "GBR", "X7654321", LocalDate.of(1990, 4, 5), "SMITH"));
        assertThat(decisions.get(3).reason()).isEqualTo(Reason.AGE_NOT_PROVEN);
    }

    @Test
    void staffAtAnAttendedLaneConfirmAChildWithoutId() {
        GateInternals.state(gate)
                .applyConfig(f.configBuilder()
                        .productPolicies(Collections.singletonMap(
                                "CHILD", new ProductGatePolicy(false, ProductGatePolicy.ATTENDED)))
                        .version(2)
                        .build());
        assertThat(lane.confirmByStaff()).as("nothing to confirm yet").isEmpty();
        qr.scanQr(f.issue(f.claims()
                        .productId("CHILD")
                        .concession(true)
                        .maxAge(17)
                        .build())
                .text());
        assertThat(decisions.get(0).reason()).isEqualTo(Reason.STAFF_CHECK_REQUIRED);
        assertThat(display.last().toString()).contains("Staff");
        Decision confirmed = lane.confirmByStaff().get();
        assertThat(confirmed.reason()).isEqualTo(Reason.STAFF_CONFIRMED);
        assertThat(turnstile.pendingPassages()).isEqualTo(1);
        assertThat(journaledReasons()).containsExactly(Reason.STAFF_CHECK_REQUIRED, Reason.STAFF_CONFIRMED);
        turnstile.walkThrough();
        assertThat(lane.confirmByStaff()).as("confirmed once").isEmpty();
    }

    @Test
    void anExitLaneDecidesOutward() {
        lane.close();
        turnstile = new SimulatedTurnstile("ts-out", f.clock);
        qr = new SimulatedCredentialReader("qr-out", f.clock);
        idReader = new SimulatedCredentialReader("id-out", f.clock);
        lane = lane(Direction.OUT);
        lane.start();
        String pass = f.issue(f.claims()
                        .entriesAllowed(0)
                        .reentry(ReentryPolicy.AFTER_EXIT)
                        .build())
                .text();
        qr.scanQr(pass);
        assertThat(decisions.get(0).direction()).isEqualTo(Direction.OUT);
    }

    @Test
    void aDisconnectedTurnstileTakesTheLaneOutOfService() {
        turnstile.simulateFault(DeviceFaultCode.DISCONNECTED, "unplugged", false);
        assertThat(indicator.current()).isEqualTo(IndicatorSignal.FAULT);
        qr.scanQr(singleEntryPass());
        assertThat(ignored).containsExactly("LANE_OUT_OF_SERVICE");
        assertThat(decisions).isEmpty();
        assertThat(telemetry).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(TelemetryKind.DEVICE_HEALTH);
            assertThat(r.sensor()).isEqualTo("ts");
            assertThat(r.value()).isZero();
            assertThat(r.detail()).contains("DISCONNECTED");
        });
        turnstile.simulateRecovery();
        qr.scanQr(singleEntryPass());
        assertThat(decisions).hasSize(1);
    }

    @Test
    void sensorsAndCountersFlowToTelemetryAndLowOxygenIsAnAlarm() {
        telemetry.clear();
        sensor.set(12.5, 88.0, null, 20.9);
        counter.countIn(7);
        counter.countOut(2);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(telemetry)
                .extracting(TelemetryReading::kind)
                .containsExactlyInAnyOrder(
                        TelemetryKind.TEMPERATURE,
                        TelemetryKind.HUMIDITY,
                        TelemetryKind.OXYGEN,
                        TelemetryKind.PEOPLE_IN,
                        TelemetryKind.PEOPLE_OUT);
        assertThat(telemetry)
                .filteredOn(r -> r.kind() == TelemetryKind.PEOPLE_IN)
                .extracting(TelemetryReading::value)
                .containsExactly(7.0);
        assertThat(alarms).isEmpty();
        sensor.set(12.5, 88.0, null, 18.0);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(telemetry).hasSize(10);
        assertThat(alarms).extracting(Alarm::type).containsExactly(AlarmType.ENVIRONMENT);
    }

    @Test
    void aHealthCertificateIsHeldForTheNextPassWithinTheCompanionWindow() {
        lane.close();
        gate.close();
        gate = f.gateBuilder(dir.resolve("hc"))
                .config(f.configBuilder().healthCertificateRequired(true).build())
                .healthCheck((text, now) -> "HC1:GOOD".equals(text) ? "OK" : "EXPIRED")
                .build();
        turnstile = new SimulatedTurnstile("ts-hc", f.clock);
        qr = new SimulatedCredentialReader("qr-hc", f.clock);
        idReader = new SimulatedCredentialReader("id-hc", f.clock);
        lane = lane(Direction.IN);
        lane.start();

        qr.scanQr(singleEntryPass());
        assertThat(decisions.get(0).reason()).isEqualTo(Reason.HEALTH_CERT_REQUIRED);
        qr.scanQr("HC1:GOOD");
        assertThat(ignored).containsExactly("AWAITING_PASS");
        assertThat(display.last().en()).isEqualTo("Now show your ticket");
        String pass = singleEntryPass();
        qr.scanQr(pass);
        assertThat(decisions.get(1).admitted()).isTrue();
        turnstile.walkThrough();

        qr.scanQr("HC1:GOOD");
        scheduler.advance(Duration.ofSeconds(31));
        qr.scanQr(singleEntryPass());
        assertThat(decisions.get(2).reason())
                .as("certificate expired from the window")
                .isEqualTo(Reason.HEALTH_CERT_REQUIRED);
        qr.scanQr("HC1:BAD");
        qr.scanQr(singleEntryPass());
        assertThat(decisions.get(3).reason()).isEqualTo(Reason.HEALTH_CERT_INVALID);
    }

    @Test
    void showsRemainingCapacityAndOperatorMessages() {
        lane.showRemainingCapacity(OptionalInt.of(42));
        assertThat(display.remainingCapacity()).hasValue(42);
        lane.showMessage("今日闭园提前", "Closing early today");
        assertThat(display.last().en()).isEqualTo("Closing early today");
    }

    @Test
    void unreadableCredentialsAreShownButNotDecided() {
        qr.presentUnreadable(CredentialKind.ID_CARD, "CN_ID_CHECK_CHARACTER");
        assertThat(decisions).isEmpty();
        assertThat(display.last().en()).contains("Cannot read");
        qr.scanQr("garbage-not-a-pass");
        assertThat(decisions.get(0).reason()).isEqualTo(Reason.MALFORMED);
    }
}
