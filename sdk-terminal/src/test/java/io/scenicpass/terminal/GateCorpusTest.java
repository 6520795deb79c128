package io.scenicpass.terminal;

import static io.scenicpass.terminal.GateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.codec.Base45;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of valid and invalid passes (fixed seed), decided offline by one gate that is restarted
 * halfway: every valid pass is admitted, every invalid one denied with the expected reason.
 */
class GateCorpusTest {
    private static final int SIZE = 600;
    private static final String BLACKLISTED_ID = "11010519491231002X";

    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();

    private static final class Case {
        final String credential;
        final GateContext context;
        final Set<String> expected;
        final boolean preUse;

        Case(String credential, GateContext context, boolean preUse, String... expected) {
            this.credential = credential;
            this.context = context;
            this.preUse = preUse;
            this.expected = new HashSet<>(Arrays.asList(expected));
        }
    }

    @Test
    void everyValidPassIsAdmittedOfflineAndNoInvalidOne() {
        Random rnd = new Random(424242L);
        List<Case> cases = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            Claims.Builder c = validClaims(rnd, i);
            int mutation = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(15); // about a third valid
            GateContext entry = GateContext.entry("main");
            IssuerKey key = rnd.nextBoolean() ? f.issuer : f.retiredButValid;
            switch (mutation) {
                case 0:
                    cases.add(new Case(f.issue(key, c.build()).text(), entry, false, Reason.OK));
                    break;
                case 1:
                    cases.add(new Case(f.issue(f.unknown, c.build()).text(), entry, false, Reason.UNKNOWN_KEY));
                    break;
                case 2:
                    cases.add(new Case(f.issue(f.compromised, c.build()).text(), entry, false, Reason.KEY_COMPROMISED));
                    break;
                case 3:
                    cases.add(new Case(f.issue(f.retired, c.build()).text(), entry, false, Reason.KEY_RETIRED));
                    break;
                case 4: {
                    byte[] raw = f.issue(key, c.build()).encoded();
                    raw[raw.length - 1 - rnd.nextInt(64)] ^= (byte) (1 + rnd.nextInt(255));
                    cases.add(
                            new Case("SP1" + Base45.encode(raw), entry, false, Reason.BAD_SIGNATURE, Reason.MALFORMED));
                    break;
                }
                case 5: {
                    String text = f.issue(key, c.build()).text();
                    cases.add(new Case(
                            text.substring(0, 3 + rnd.nextInt(text.length() - 3)), entry, false, Reason.MALFORMED));
                    break;
                }
                case 6: {
                    Claims claims = c.build();
                    revoked.add(claims.passId());
                    cases.add(new Case(f.issue(key, claims).text(), entry, false, Reason.REVOKED));
                    break;
                }
                case 7:
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.holderBinding(GateFixture.binding(DocumentType.CN_ID, BLACKLISTED_ID))
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.BLACKLISTED));
                    break;
                case 8: {
                    long endAgo = 1 + rnd.nextInt(60 * 24 * 30);
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.kind(PassKind.DAY)
                                                    .slot(null, null)
                                                    .validFrom(T0.minus(Duration.ofMinutes(endAgo + 60 * 24)))
                                                    .validUntil(T0.minus(Duration.ofMinutes(endAgo)))
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.EXPIRED));
                    break;
                }
                case 9: {
                    long startIn = 1 + rnd.nextInt(60 * 24 * 30);
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.kind(PassKind.DAY)
                                                    .slot(null, null)
                                                    .validFrom(T0.plus(Duration.ofMinutes(startIn)))
                                                    .validUntil(T0.plus(Duration.ofMinutes(startIn + 600)))
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.NOT_YET_VALID));
                    break;
                }
                case 10: {
                    long in = 1 + rnd.nextInt(300);
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.kind(PassKind.TIMED_SLOT)
                                                    .slot(
                                                            T0.plus(Duration.ofMinutes(in)),
                                                            T0.plus(Duration.ofMinutes(in + 30)))
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.OUTSIDE_SLOT));
                    break;
                }
                case 11:
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.zones(Collections.emptyList())
                                                    .zone("museum", 0)
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.WRONG_ZONE));
                    break;
                case 12:
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.issuerId("area-" + (2 + rnd.nextInt(9)))
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.WRONG_AREA));
                    break;
                case 13:
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.entriesAllowed(1)
                                                    .reentry(ReentryPolicy.SINGLE)
                                                    .build())
                                    .text(),
                            entry,
                            true,
                            Reason.ALREADY_ENTERED));
                    break;
                case 14: {
                    Claims claims = c.build();
                    cases.add(new Case(
                            f.issue(key, claims).text(),
                            GateContext.builder()
                                    .zoneId("main")
                                    .partyCount(claims.partySize() + 1 + rnd.nextInt(5))
                                    .build(),
                            false,
                            Reason.PARTY_TOO_LARGE));
                    break;
                }
                default:
                    cases.add(new Case(
                            f.issue(
                                            key,
                                            c.concession(true)
                                                    .holderBinding(GateFixture.binding(
                                                            DocumentType.CN_ID, "110105200001010011"))
                                                    .build())
                                    .text(),
                            entry,
                            false,
                            Reason.ID_CHECK_REQUIRED));
            }
        }
        Collections.shuffle(cases, rnd);
        Gate gate = open(revoked);
        int valid = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (i == cases.size() / 2) {
                gate.close();
                gate = open(revoked); // a reboot while offline
            }
            Case k = cases.get(i);
            if (k.preUse) {
                assertThat(gate.decide(Credential.qr(k.credential), k.context).reason())
                        .isEqualTo(Reason.OK);
            }
            Decision d = gate.decide(Credential.qr(k.credential), k.context);
            assertThat(d.reason()).as("case %d: %s", i, k.expected).isIn(k.expected);
            assertThat(d.admitted()).isEqualTo(k.expected.contains(Reason.OK));
            valid += d.admitted() && !k.preUse ? 1 : 0;
        }
        gate.close();
        assertThat(valid).isGreaterThan(SIZE / 5);
    }

    private Gate open(List<String> revoked) {
        Gate g = f.gate(dir);
        if (g.state().revocationSequence() == 0) {
            GateInternals.state(g).applyRevocations(new RevocationDelta(0, 1, revoked, false));
            GateInternals.state(g)
                    .applyBlacklist(new BlacklistDelta(
                            0,
                            1,
                            Collections.singletonList(
                                    GateFixture.b64url(GateFixture.binding(DocumentType.CN_ID, BLACKLISTED_ID))),
                            Collections.emptyList(),
                            false));
        }
        return g;
    }

    /** A random pass valid at T0 at zone "main" for one visitor party. */
    private Claims.Builder validClaims(Random rnd, int i) {
        PassKind kind = PassKind.values()[rnd.nextInt(PassKind.values().length)];
        long before = rnd.nextInt(60 * 24 * 3);
        long after = 1 + rnd.nextInt(60 * 24 * 3);
        Claims.Builder c = f.claims()
                .passId(String.format("C%05d", i))
                .kind(kind)
                .validFrom(T0.minus(Duration.ofMinutes(before)))
                .validUntil(T0.plus(Duration.ofMinutes(after)))
                .partySize(kind == PassKind.GROUP ? 2 + rnd.nextInt(20) : 1 + rnd.nextInt(2))
                .entriesAllowed(rnd.nextInt(4))
                .reentry(ReentryPolicy.values()[rnd.nextInt(3)]);
        if (kind == PassKind.TIMED_SLOT) {
            long s = rnd.nextInt(120);
            c.slot(T0.minus(Duration.ofMinutes(s)), T0.plus(Duration.ofMinutes(1 + rnd.nextInt(120))));
        }
        if (rnd.nextBoolean()) {
            c.zone("main", rnd.nextInt(3));
            if (rnd.nextBoolean()) {
                c.zone("museum", 1);
            }
        }
        return c;
    }
}
