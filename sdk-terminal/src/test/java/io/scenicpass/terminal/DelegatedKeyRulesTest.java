package io.scenicpass.terminal;

import static io.scenicpass.terminal.GateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Delegation;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature rule on passes of a key delegated to a box office: admitted in scope, refused with a reason outside. */
class DelegatedKeyRulesTest {
    /** The box office's visit window: today and tomorrow in Shanghai. */
    static final Instant VISIT_FROM = Instant.parse("2026-06-30T16:00:00Z");

    static final Instant VISIT_UNTIL = VISIT_FROM.plus(Duration.ofDays(2));

    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private final IssuerKey boxOffice = IssuerKey.fromSeed(GateFixture.seed(9));
    private final Delegation scope =
            Delegation.of("box-1", Arrays.asList("DAY-ADULT", "DAY-CHILD"), VISIT_FROM, VISIT_UNTIL, 3);
    private Gate gate;

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
    }

    private KeySet keySet(long sequence, Delegation d) {
        List<PublicKeyEntry> keys = new ArrayList<>(f.keySet().keys());
        keys.add(PublicKeyEntry.delegated(boxOffice.publicKey(), T0.minus(Duration.ofHours(1)), VISIT_UNTIL, d));
        return KeySet.of(sequence, T0, keys);
    }

    private Gate gate() {
        if (gate == null) {
            gate = f.gateBuilder(dir).keySet(keySet(2, scope).sign(f.root)).build();
        }
        return gate;
    }

    private Claims.Builder claims(int serial) {
        return f.claims()
                .passId(Delegation.passId(boxOffice.keyId(), serial))
                .validFrom(VISIT_FROM)
                .validUntil(VISIT_FROM.plus(Duration.ofDays(1)));
    }

    private String enter(Claims claims) {
        Pass p = new PassIssuer(boxOffice).issue(claims);
        return gate().decide(Credential.qr(p.text()), GateContext.entry("main")).reason();
    }

    @Test
    void aPassInScopeIsAdmittedOnce() {
        assertThat(enter(claims(1).build())).isEqualTo(Reason.OK);
        assertThat(enter(claims(1).build())).isEqualTo(Reason.ALREADY_ENTERED);
        assertThat(enter(claims(3).productId("DAY-CHILD").build())).isEqualTo(Reason.OK);
    }

    @Test
    void productDateAndPassNumberOutsideTheScopeAreRefused() {
        assertThat(enter(claims(1).productId("CABLE-CAR").build())).isEqualTo(Reason.DELEGATION_OUT_OF_SCOPE);
        assertThat(enter(claims(2)
                        .validFrom(VISIT_UNTIL.minus(Duration.ofDays(3)))
                        .validUntil(T0.plus(Duration.ofHours(8)))
                        .build()))
                .isEqualTo(Reason.DELEGATION_OUT_OF_SCOPE);
        assertThat(enter(claims(4).build())).isEqualTo(Reason.DELEGATION_OUT_OF_SCOPE);
        assertThat(enter(claims(1).passId("P77").build())).isEqualTo(Reason.DELEGATION_OUT_OF_SCOPE);
    }

    @Test
    void afterItsValidityTheKeyIsExpired() {
        Claims inScope = claims(1).validUntil(VISIT_UNTIL).build();
        gate();
        f.clock.set(VISIT_UNTIL);
        assertThat(enter(inScope)).isEqualTo(Reason.DELEGATION_EXPIRED);
    }

    @Test
    void aRevokedKeyIsRefusedOnceTheGateHasTheNewKeySet() {
        assertThat(enter(claims(1).build())).isEqualTo(Reason.OK);
        GateInternals.state(gate()).applyKeySet(keySet(3, scope.revoked(T0)).sign(f.root));
        assertThat(enter(claims(2).build())).isEqualTo(Reason.KEY_REVOKED);
    }

    @Test
    void aTamperedPassIsABadSignature() {
        byte[] raw = new PassIssuer(boxOffice).issue(claims(1).build()).encoded();
        raw[raw.length - 1] ^= 1;
        Decision d = gate().decide(Credential.nfc(raw), GateContext.entry("main"));
        assertThat(d.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(d.rule()).contains("signature");
    }
}
