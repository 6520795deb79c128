package io.scenicpass.terminal;

import static io.scenicpass.terminal.GateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Direction;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DisplayMessage;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.core.wire.RuleConfig;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.rules.RuleResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule's deny reason, tolerance edges and the order of the chain. */
class GateRulesTest {
    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private Gate gate;

    private Gate gate() {
        if (gate == null) {
            gate = f.gate(dir);
        }
        return gate;
    }

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
    }

    private Decision enter(Pass pass) {
        return gate().decide(Credential.qr(pass.text()), GateContext.entry("main"));
    }

    private String reason(Claims claims) {
        return enter(f.issue(claims)).reason();
    }

    @Test
    void admitsAValidPassWithMessageSummaryAndJournaledEvent() {
        Pass pass = f.issue(f.claims().partySize(3).entriesAllowed(1).build());
        Decision d = enter(pass);
        assertThat(d.admitted()).isTrue();
        assertThat(d.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(d.reason()).isEqualTo(Reason.OK);
        assertThat(d.messageZh()).isEqualTo("欢迎光临");
        assertThat(d.messageEn()).isEqualTo("Welcome");
        assertThat(d.partyCount()).isEqualTo(3);
        assertThat(d.pass().get().passId()).isEqualTo(pass.claims().passId());
        assertThat(d.pass().get().entriesUsed()).isEqualTo(1);
        assertThat(d.pass().get().entriesLeft()).isZero();
        assertThat(d.gateId()).isEqualTo("g1");
        assertThat(d.deviceTime()).isEqualTo(T0);
        assertThat(d.correctedTime()).isEqualTo(T0);
        // journaled before it was returned
        assertThat(gate().pendingEvents(10)).singleElement().satisfies(p -> {
            assertThat(p.event().eventId()).isEqualTo(d.eventId());
            assertThat(p.event().verdict()).isEqualTo(Verdict.ADMIT);
            assertThat(p.event().reason()).isEqualTo("OK");
            assertThat(p.event().passId()).isEqualTo(pass.claims().passId());
            assertThat(p.event().partyCount()).isEqualTo(3);
            assertThat(p.event().offline()).isTrue();
            assertThat(p.event().deviceTime()).isEqualTo(T0);
            assertThat(p.event().zoneId()).isEqualTo("main");
        });
        assertThat(d.eventId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void unreadableCredentialsAreMalformedAndStillJournaled() {
        Decision d = gate().decide(Credential.qr("hello world"), GateContext.entry("main"));
        assertThat(d.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(d.pass()).isEmpty();
        assertThat(gate().decide(Credential.nfc(new byte[] {1, 2, 3}), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(gate().pendingEvents(10))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.event().passId()).isNull());
    }

    @Test
    void nfcAcceptsRawCoseAndText() {
        Pass a = f.issue(f.claims().build());
        Pass b = f.issue(f.claims().build());
        assertThat(gate().decide(Credential.nfc(a.encoded()), GateContext.entry("main"))
                        .reason())
                .isEqualTo("OK");
        assertThat(gate().decide(
                                Credential.nfc(b.text().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                                GateContext.entry("main"))
                        .reason())
                .isEqualTo("OK");
    }

    @Test
    void keyAndSignatureReasons() {
        assertThat(enter(f.issue(f.unknown, f.claims().build())).reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(enter(f.issue(f.compromised, f.claims().build())).reason()).isEqualTo(Reason.KEY_COMPROMISED);
        assertThat(enter(f.issue(f.retired, f.claims().build())).reason()).isEqualTo(Reason.KEY_RETIRED);
        assertThat(enter(f.issue(f.retiredButValid, f.claims().build())).reason())
                .isEqualTo(Reason.OK);
        byte[] raw = f.issue(f.claims().build()).encoded();
        raw[raw.length - 1] ^= 1; // last byte of the signature
        Decision d = gate().decide(Credential.nfc(raw), GateContext.entry("main"));
        assertThat(d.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(d.rule()).contains("signature");
    }

    @Test
    void revokedAndBlacklisted() {
        Pass revoked = f.issue(f.claims().build());
        GateInternals.state(gate())
                .applyRevocations(new RevocationDelta(
                        0, 1, Collections.singletonList(revoked.claims().passId()), false));
        assertThat(enter(revoked).reason()).isEqualTo(Reason.REVOKED);

        byte[] person = GateFixture.binding(DocumentType.CN_ID, "11010519491231002X");
        GateInternals.state(gate())
                .applyBlacklist(new BlacklistDelta(
                        0, 1, Collections.singletonList(GateFixture.b64url(person)), Collections.emptyList(), false));
        assertThat(reason(f.claims().holderBinding(person).build())).isEqualTo(Reason.BLACKLISTED);
        // a clean pass, but the person shows a blacklisted ID with it
        Decision d = gate().decide(
                        Credential.qr(f.issue(f.claims().build()).text()),
                        GateContext.builder()
                                .zoneId("main")
                                .holderDocument(DocumentType.CN_ID, "11010519491231002X")
                                .build());
        assertThat(d.reason()).isEqualTo(Reason.BLACKLISTED);
    }

    @Test
    void validityWindowWithToleranceEdgesIncluded() {
        GateInternals.state(gate())
                .applyConfig(f.configBuilder()
                        .earlyToleranceSeconds(600)
                        .lateToleranceSeconds(300)
                        .version(2)
                        .build());
        Claims.Builder window = f.claims().validFrom(T0).validUntil(T0.plus(Duration.ofHours(1)));
        f.clock.set(T0.minusSeconds(600));
        assertThat(reason(window.passId("E1").build())).isEqualTo(Reason.OK);
        f.clock.set(T0.minusSeconds(601));
        assertThat(reason(window.passId("E2").build())).isEqualTo(Reason.NOT_YET_VALID);
        f.clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(300));
        assertThat(reason(window.passId("E3").build())).isEqualTo(Reason.OK);
        f.clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(301));
        assertThat(reason(window.passId("E4").build())).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void zeroToleranceByDefault() {
        Claims.Builder window = f.claims().validFrom(T0.plusSeconds(60)).validUntil(T0.plus(Duration.ofHours(1)));
        assertThat(reason(window.passId("Z1").build())).isEqualTo(Reason.NOT_YET_VALID);
        f.clock.set(T0.plusSeconds(60));
        assertThat(reason(window.passId("Z2").build())).isEqualTo(Reason.OK);
    }

    @Test
    void timedSlotWindow() {
        GateInternals.state(gate())
                .applyConfig(f.configBuilder()
                        .earlyToleranceSeconds(900)
                        .lateToleranceSeconds(0)
                        .version(2)
                        .build());
        Claims.Builder slot =
                f.claims().kind(PassKind.TIMED_SLOT).slot(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
        assertThat(reason(slot.passId("S1").build())).isEqualTo(Reason.OUTSIDE_SLOT);
        f.clock.set(T0.plus(Duration.ofMinutes(45)));
        assertThat(reason(slot.passId("S2").build())).isEqualTo(Reason.OK);
        f.clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(reason(slot.passId("S3").build())).isEqualTo(Reason.OUTSIDE_SLOT);
    }

    @Test
    void zonesAndArea() {
        assertThat(reason(f.claims().zone("museum", 0).build())).isEqualTo(Reason.WRONG_ZONE);
        assertThat(reason(f.claims().zone("main", 0).zone("museum", 0).build())).isEqualTo(Reason.OK);
        assertThat(reason(f.claims().issuerId("other-park").build())).isEqualTo(Reason.WRONG_AREA);
        Decision d = gate().decide(Credential.qr(f.issue(f.claims().build()).text()), GateContext.entry("cable-car"));
        assertThat(d.reason()).isEqualTo(Reason.WRONG_ZONE);
    }

    @Test
    void singleEntryPass() {
        Pass p = f.issue(f.claims().build());
        assertThat(enter(p).reason()).isEqualTo(Reason.OK);
        Decision again = enter(p);
        assertThat(again.reason()).isEqualTo(Reason.ALREADY_ENTERED);
        assertThat(again.messageEn()).isEqualTo("Ticket already used");
        assertThat(again.messageZh()).isEqualTo("门票已使用");
        assertThat(again.partyCount()).isZero();
    }

    @Test
    void multiEntryCapAndZoneAllowance() {
        Pass p = f.issue(
                f.claims().entriesAllowed(3).reentry(ReentryPolicy.UNLIMITED).build());
        for (int i = 0; i < 3; i++) {
            assertThat(enter(p).reason()).isEqualTo(Reason.OK);
        }
        assertThat(enter(p).reason()).isEqualTo(Reason.NO_ENTRIES_LEFT);
        Pass z = f.issue(f.claims()
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .zone("main", 1)
                .zone("museum", 0)
                .build());
        assertThat(enter(z).reason()).isEqualTo(Reason.OK);
        assertThat(enter(z).reason()).isEqualTo(Reason.NO_ENTRIES_LEFT);
        assertThat(gate().decide(Credential.qr(z.text()), GateContext.entry("museum"))
                        .reason())
                .isEqualTo(Reason.OK);
        assertThat(gate().decide(Credential.qr(z.text()), GateContext.entry("museum"))
                        .reason())
                .isEqualTo(Reason.OK);
    }

    @Test
    void antiPassbackNeedsAnExitInBetween() {
        Pass p = f.issue(f.claims()
                .kind(PassKind.ANNUAL)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.AFTER_EXIT)
                .build());
        assertThat(enter(p).reason()).isEqualTo(Reason.OK);
        assertThat(enter(p).reason()).isEqualTo(Reason.EXIT_REQUIRED);
        Decision exit = gate().decide(Credential.qr(p.text()), GateContext.exit("main"));
        assertThat(exit.admitted()).isTrue();
        assertThat(exit.direction()).isEqualTo(Direction.OUT);
        assertThat(enter(p).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void exitsAreAdmittedForAuthenticPassesOnly() {
        Pass expired = f.issue(f.claims()
                .validFrom(T0.minus(Duration.ofDays(2)))
                .validUntil(T0.minus(Duration.ofDays(1)))
                .build());
        assertThat(gate().decide(Credential.qr(expired.text()), GateContext.exit("main"))
                        .reason())
                .isEqualTo(Reason.OK);
        Pass forged = f.issue(f.unknown, f.claims().build());
        assertThat(gate().decide(Credential.qr(forged.text()), GateContext.exit("main"))
                        .reason())
                .isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void wrongDirectionWhenTheGateIsEntryOnly() {
        GateInternals.state(gate())
                .applyConfig(f.configBuilder().direction("IN").version(2).build());
        Pass p = f.issue(f.claims().build());
        assertThat(gate().decide(Credential.qr(p.text()), GateContext.exit("main"))
                        .reason())
                .isEqualTo(Reason.WRONG_DIRECTION);
    }

    @Test
    void partySize() {
        Pass group = f.issue(f.claims().kind(PassKind.GROUP).partySize(5).build());
        Decision big = gate().decide(
                        Credential.qr(group.text()),
                        GateContext.builder().zoneId("main").partyCount(6).build());
        assertThat(big.reason()).isEqualTo(Reason.PARTY_TOO_LARGE);
        Decision ok = gate().decide(
                        Credential.qr(group.text()),
                        GateContext.builder().zoneId("main").partyCount(4).build());
        assertThat(ok.reason()).isEqualTo(Reason.OK);
        assertThat(ok.partyCount()).isEqualTo(4);
    }

    @Test
    void concessionNeedsTheHoldersId() {
        byte[] holder = GateFixture.binding(DocumentType.CN_ID, "110105194912310021");
        Pass p = f.issue(f.claims()
                .concession(true)
                .holderBinding(holder)
                .entriesAllowed(0)
                .reentry(ReentryPolicy.UNLIMITED)
                .build());
        assertThat(enter(p).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
        Decision other = gate().decide(
                        Credential.qr(p.text()),
                        GateContext.builder()
                                .zoneId("main")
                                .holderDocument(DocumentType.CN_ID, "110105194912310030")
                                .build());
        assertThat(other.reason()).isEqualTo(Reason.HOLDER_MISMATCH);
        Decision own = gate().decide(
                        Credential.qr(p.text()),
                        GateContext.builder()
                                .zoneId("main")
                                .holderDocument(DocumentType.CN_ID, "1101 0519 4912 310021")
                                .build());
        assertThat(own.reason()).isEqualTo(Reason.OK);
    }

    @Test
    void operatorRulesFromConfig() {
        Map<String, Object> weekend = new HashMap<>();
        weekend.put("days", Arrays.asList("SAT", "SUN"));
        weekend.put("timeZone", "Asia/Shanghai");
        GateInternals.state(gate())
                .applyConfig(f.configBuilder()
                        .rules(Collections.singletonList(new RuleConfig("WEEKDAYS", weekend)))
                        .messages(Collections.singletonMap("RULE_DENIED", new DisplayMessage("仅周末开放", "Weekends only")))
                        .version(2)
                        .build());
        Decision d = enter(f.issue(f.claims().build()));
        assertThat(d.reason()).isEqualTo(Reason.RULE_DENIED);
        assertThat(d.rule()).contains("operator");
        assertThat(d.messageEn()).isEqualTo("Weekends only");
        f.clock.set(T0.plus(Duration.ofDays(3))); // Saturday
        assertThat(reason(f.claims().validUntil(T0.plus(Duration.ofDays(4))).build()))
                .isEqualTo(Reason.OK);

        Map<String, Object> hours = new HashMap<>();
        hours.put("from", "09:00");
        hours.put("to", "17:00");
        hours.put("timeZone", "Asia/Shanghai");
        Map<String, Object> products = new HashMap<>();
        products.put("products", Arrays.asList("DAY-ADULT"));
        GateInternals.state(gate())
                .applyConfig(f.configBuilder()
                        .rules(Arrays.asList(
                                new RuleConfig("hours", hours),
                                new RuleConfig("PRODUCTS", products),
                                new RuleConfig("FROM_THE_FUTURE", null)))
                        .version(3)
                        .build());
        f.clock.set(T0); // 10:00 local
        assertThat(reason(f.claims().build())).isEqualTo(Reason.OK);
        assertThat(reason(f.claims().productId("VIP").build())).isEqualTo(Reason.RULE_DENIED);
        f.clock.set(T0.plus(Duration.ofHours(8))); // 18:00 local
        assertThat(reason(f.claims().build())).isEqualTo(Reason.RULE_DENIED);
    }

    @Test
    void healthCertificateWhenSwitchedOn() {
        gate = f.gateBuilder(dir)
                .healthCheck((text, now) -> text.startsWith("HC1:GOOD") ? "OK" : "EXPIRED")
                .config(f.configBuilder().healthCertificateRequired(true).build())
                .build();
        assertThat(reason(f.claims().build())).isEqualTo(Reason.HEALTH_CERT_REQUIRED);
        Pass p = f.issue(f.claims().build());
        assertThat(gate.decide(
                                Credential.qr(p.text()),
                                GateContext.builder()
                                        .zoneId("main")
                                        .healthCertificate("HC1:BAD")
                                        .build())
                        .reason())
                .isEqualTo(Reason.HEALTH_CERT_INVALID);
        assertThat(gate.decide(
                                Credential.qr(p.text()),
                                GateContext.builder()
                                        .zoneId("main")
                                        .healthCertificate("HC1:GOOD")
                                        .build())
                        .reason())
                .isEqualTo(Reason.OK);
    }

    @Test
    void healthCertificateRequiredButNoVerifierInstalledDenies() {
        GateInternals.state(gate())
                .applyConfig(f.configBuilder()
                        .healthCertificateRequired(true)
                        .version(2)
                        .build());
        Decision d = gate().decide(
                        Credential.qr(f.issue(f.claims().build()).text()),
                        GateContext.builder()
                                .zoneId("main")
                                .healthCertificate("HC1:X")
                                .build());
        assertThat(d.reason()).isEqualTo(Reason.HEALTH_CERT_REQUIRED);
    }

    @Test
    void rulesRunInTheDocumentedOrder() {
        assertThat(gate().ruleNames())
                .containsExactly(
                        "signature",
                        "revocation",
                        "blacklist",
                        "validity",
                        "slot",
                        "zone",
                        "entries",
                        "party",
                        "holder",
                        "concession",
                        "operator",
                        "health");
        // revoked AND expired AND wrong zone: revocation comes first
        Pass p = f.issue(f.claims()
                .validFrom(T0.minus(Duration.ofDays(3)))
                .validUntil(T0.minus(Duration.ofDays(2)))
                .zone("museum", 0)
                .build());
        GateInternals.state(gate())
                .applyRevocations(new RevocationDelta(
                        0, 1, Collections.singletonList(p.claims().passId()), false));
        assertThat(enter(p).reason()).isEqualTo(Reason.REVOKED);
        // expired AND wrong zone: validity before zone
        assertThat(reason(f.claims()
                        .validFrom(T0.minus(Duration.ofDays(3)))
                        .validUntil(T0.minus(Duration.ofDays(2)))
                        .zone("museum", 0)
                        .build()))
                .isEqualTo(Reason.EXPIRED);
        // wrong zone AND party too large: zone before party
        Decision d = gate().decide(
                        Credential.qr(
                                f.issue(f.claims().zone("museum", 0).build()).text()),
                        GateContext.builder().zoneId("main").partyCount(9).build());
        assertThat(d.reason()).isEqualTo(Reason.WRONG_ZONE);
    }

    @Test
    void operatorAddsRulesWithoutTouchingOthers() {
        gate = f.gateBuilder(dir)
                .addRule(new NamedRule(
                        "no-vip",
                        c -> "VIP".equals(c.claims().productId())
                                ? RuleResult.deny(Reason.RULE_DENIED, "vip lane")
                                : RuleResult.CONTINUE))
                .addRuleBefore(
                        "signature",
                        new NamedRule(
                                "lane-closed",
                                c -> "closed".equals(c.zoneId())
                                        ? RuleResult.deny("LANE_CLOSED")
                                        : RuleResult.CONTINUE))
                .build();
        assertThat(gate.ruleNames())
                .containsExactly(
                        "lane-closed",
                        "signature",
                        "revocation",
                        "blacklist",
                        "validity",
                        "slot",
                        "zone",
                        "entries",
                        "party",
                        "holder",
                        "concession",
                        "operator",
                        "no-vip",
                        "health");
        assertThat(reason(f.claims().productId("VIP").build())).isEqualTo(Reason.RULE_DENIED);
        assertThat(reason(f.claims().build())).isEqualTo(Reason.OK);
        Decision d =
                gate.decide(Credential.qr(f.issue(f.unknown, f.claims().build()).text()), GateContext.entry("closed"));
        assertThat(d.reason()).isEqualTo("LANE_CLOSED");
        assertThat(d.messageEn()).isEqualTo("Entry denied");
    }

    @Test
    void aFailingRuleDeniesInsteadOfCrashingTheLane() {
        gate = f.gateBuilder(dir)
                .addRule(new NamedRule("buggy", c -> {
                    throw new IllegalStateException("bug");
                }))
                .build();
        Decision d = enter(f.issue(f.claims().build()));
        assertThat(d.admitted()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.RULE_DENIED);
        assertThat(d.rule()).contains("buggy");
    }

    @Test
    void noKeySetMeansUnknownKey() {
        gate = Gate.builder().stateDirectory(dir).clock(f.clock).build();
        assertThat(reason(f.claims().issuerId(GateFixture.AREA).build())).isEqualTo(Reason.UNKNOWN_KEY);
    }

    static final class NamedRule implements io.scenicpass.terminal.rules.GateRule {
        private final String name;
        private final java.util.function.Function<io.scenicpass.terminal.rules.PassCheck, RuleResult> fn;

        NamedRule(String name, java.util.function.Function<io.scenicpass.terminal.rules.PassCheck, RuleResult> fn) {
            this.name = name;
            this.fn = fn;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public RuleResult check(io.scenicpass.terminal.rules.PassCheck check) {
            return fn.apply(check);
        }
    }
}
