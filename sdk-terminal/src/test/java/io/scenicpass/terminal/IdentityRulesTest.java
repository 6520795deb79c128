package io.scenicpass.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Claims;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.Pass;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.ProductGatePolicy;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.document.MrzParser;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-name passes at the gate (issue #14): entry by ID document alone, concessions proven by the age the document
 * carries, the child policy, QR + ID products, permits and passports, and the blacklist for bound passes.
 */
class IdentityRulesTest {
    /** Visit day is 2026-07-01 (T0). */
    static final String SENIOR_1955 = cnId("11010519550301123");

    static final String ADULT_1996 = cnId("33010619960505456");
    static final String CHILD_2016 = cnId("44030520160202789");
    static final String TURNS_60_TODAY = cnId("11010519660701001");

    @TempDir
    Path dir;

    private final GateFixture f = new GateFixture();
    private Gate gate;

    @AfterEach
    void close() {
        if (gate != null) {
            gate.close();
        }
    }

    /** A valid GB 11643 number from its first 17 digits. */
    static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    private Gate gate(Map<String, ProductGatePolicy> policies) {
        gate = f.gateBuilder(dir)
                .config(f.configBuilder().productPolicies(policies).build())
                .build();
        return gate;
    }

    private Gate gate() {
        return gate(Collections.<String, ProductGatePolicy>emptyMap());
    }

    private void manifest(Pass... passes) {
        ManifestEntry[] entries = new ManifestEntry[passes.length];
        for (int i = 0; i < passes.length; i++) {
            Pass p = passes[i];
            entries[i] = new ManifestEntry(
                    p.claims().passId(),
                    p.text(),
                    Collections.singletonList(
                            GateFixture.b64url(p.claims().holderBinding().get())),
                    null,
                    null);
        }
        GateInternals.state(gate).applyManifest(new ManifestDelta(0, 1, Arrays.asList(entries), null, false));
    }

    private Claims.Builder senior(DocumentType type, String number) {
        return f.claims()
                .productId("SENIOR")
                .concession(true)
                .minAge(60)
                .holderBinding(GateFixture.binding(type, number));
    }

    private Claims.Builder child(String holderNumber) {
        Claims.Builder b =
                f.claims().productId("CHILD").concession(true).minAge(6).maxAge(18);
        return holderNumber == null ? b : b.holderBinding(GateFixture.binding(DocumentType.CN_ID, holderNumber));
    }

    private Decision qrWith(Pass p, DocumentType type, String number) {
        GateContext.Builder ctx = GateContext.builder().zoneId("main");
        if (type != null) {
            ctx.holderDocument(type, number);
        }
        return gate.decide(Credential.qr(p.text()), ctx.build());
    }

    @Test
    void aSeniorWalksInWithTheIdCardAloneAndOneVisitorsIdFindsOnlyTheirOwnPass() {
        gate();
        Pass grandma = f.issue(senior(DocumentType.CN_ID, SENIOR_1955).build());
        Pass son = f.issue(f.claims()
                .holderBinding(GateFixture.binding(DocumentType.CN_ID, ADULT_1996))
                .build());
        manifest(grandma, son);

        Decision d = gate.decide(Credential.idCard(SENIOR_1955), GateContext.entry("main"));
        assertThat(d.reason()).isEqualTo(Reason.OK);
        assertThat(d.pass().get().passId()).isEqualTo(grandma.claims().passId());
        Decision s = gate.decide(Credential.idCard(ADULT_1996), GateContext.entry("main"));
        assertThat(s.reason()).isEqualTo(Reason.OK);
        assertThat(s.pass().get().passId()).isEqualTo(son.claims().passId());
        assertThat(gate.decide(Credential.idCard(SENIOR_1955), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.ALREADY_ENTERED);
    }

    @Test
    void aConcessionIsProvenByTheAgeOnTheDocumentOrByTheHolder() {
        gate();
        Pass p = f.issue(senior(DocumentType.CN_ID, SENIOR_1955).build());
        assertThat(qrWith(p, null, null).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
        Decision young = qrWith(p, DocumentType.CN_ID, ADULT_1996);
        assertThat(young.reason()).isEqualTo(Reason.AGE_NOT_PROVEN);
        assertThat(young.rule()).contains("concession");
        // the holder's own document is enough; so is another senior's (the age is what the ticket is for)
        assertThat(qrWith(f.issue(senior(DocumentType.CN_ID, SENIOR_1955).build()), DocumentType.CN_ID, TURNS_60_TODAY)
                        .reason())
                .as("60 on the visit day")
                .isEqualTo(Reason.OK);
        assertThat(qrWith(p, DocumentType.CN_ID, SENIOR_1955).reason()).isEqualTo(Reason.OK);
        // an unbound senior ticket with a 30-year-old's own ID card alone is refused the same way
        Pass unbound = f.issue(f.claims().concession(true).minAge(60).build());
        assertThat(qrWith(unbound, DocumentType.CN_ID, ADULT_1996).reason()).isEqualTo(Reason.AGE_NOT_PROVEN);
    }

    @Test
    void passportsAndPermitsBindAndProveAgeThroughTheirMrz() {
        gate();
        LocalDate born = LocalDate.of(1950, 4, 5);
        List<String> passport = SimulatedDocuments.mrz("P", "GBR", "X1234567", born, "SMITH");
        List<String> permit = SimulatedDocuments.mrz("CR", "CHN", "H12345678", born, "CHAN");
        Credential viaPassport = Credential.mrz(MrzParser.strict().parseValid(passport), LocalDate.of(2026, 7, 1));
        Credential viaPermit = Credential.mrz(MrzParser.lenient().parseValid(permit), LocalDate.of(2026, 7, 1));
        assertThat(viaPermit.document().get().type()).isEqualTo(DocumentType.HK_MO_PERMIT);
        assertThat(viaPassport.document().get().birthDate()).contains(born);

        Pass tourist = f.issue(senior(DocumentType.PASSPORT, "X1234567").build());
        Pass visitor = f.issue(senior(DocumentType.HK_MO_PERMIT, "H12345678").build());
        Pass stranger = f.issue(f.claims().concession(true).minAge(60).build());
        manifest(tourist, visitor);
        assertThat(gate.decide(viaPassport, GateContext.entry("main"))
                        .pass()
                        .get()
                        .passId())
                .isEqualTo(tourist.claims().passId());
        assertThat(gate.decide(viaPermit, GateContext.entry("main"))
                        .pass()
                        .get()
                        .passId())
                .isEqualTo(visitor.claims().passId());
        // a passport number typed in carries no date of birth: it proves no age
        assertThat(qrWith(stranger, DocumentType.PASSPORT, "Y7654321").reason()).isEqualTo(Reason.AGE_NOT_PROVEN);
        Decision withMrz = gate.decide(
                Credential.qr(stranger.text()),
                GateContext.builder()
                        .zoneId("main")
                        .holderDocument(DocumentType.PASSPORT, "Y7654321", born)
                        .build());
        assertThat(withMrz.reason()).isEqualTo(Reason.OK);
    }

    @Test
    void childrenWithoutIdFollowTheProductsChildPolicy() {
        Map<String, ProductGatePolicy> policies = new HashMap<>();
        policies.put("CHILD", new ProductGatePolicy(false, ProductGatePolicy.ATTENDED));
        gate(policies);
        Pass attended = f.issue(child(null).build());
        Decision first = qrWith(attended, null, null);
        assertThat(first.reason()).isEqualTo(Reason.STAFF_CHECK_REQUIRED);
        assertThat(first.messageEn()).contains("Staff");
        Decision confirmed = gate.decide(
                Credential.qr(attended.text()),
                GateContext.builder().zoneId("main").staffConfirmed(true).build());
        assertThat(confirmed.admitted()).isTrue();
        assertThat(confirmed.reason()).isEqualTo(Reason.STAFF_CONFIRMED);
        assertThat(gate.pendingEvents(10))
                .filteredOn(e -> e.event().verdict() == Verdict.ADMIT)
                .singleElement()
                .satisfies(e -> assertThat(e.event().reason()).isEqualTo(Reason.STAFF_CONFIRMED));
        // a child with a document is checked by it, staff or not; an adult's ID on a child ticket is refused
        Pass withId = f.issue(child(null).build());
        assertThat(qrWith(withId, DocumentType.CN_ID, ADULT_1996).reason()).isEqualTo(Reason.AGE_NOT_PROVEN);
        assertThat(qrWith(withId, DocumentType.CN_ID, CHILD_2016).reason()).isEqualTo(Reason.OK);
        // default policy DOCUMENT: no staff override, the ID is asked for
        Pass other = f.issue(child(null).productId("CHILD-DOC").build());
        Decision noStaff = gate.decide(
                Credential.qr(other.text()),
                GateContext.builder().zoneId("main").staffConfirmed(true).build());
        assertThat(noStaff.reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
    }

    @Test
    void aQrPlusIdProductNeedsBothAndTheyMustMatch() {
        gate(Collections.singletonMap("REALNAME", new ProductGatePolicy(true, null)));
        Pass p = f.issue(f.claims()
                .productId("REALNAME")
                .holderBinding(GateFixture.binding(DocumentType.CN_ID, ADULT_1996))
                .build());
        manifest(p);
        assertThat(qrWith(p, null, null).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
        assertThat(qrWith(p, DocumentType.CN_ID, SENIOR_1955).reason()).isEqualTo(Reason.HOLDER_MISMATCH);
        assertThat(gate.decide(Credential.idCard(ADULT_1996), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.PASS_REQUIRED);
        Decision both = qrWith(p, DocumentType.CN_ID, ADULT_1996);
        assertThat(both.reason()).isEqualTo(Reason.OK);
        // other products are unaffected
        assertThat(qrWith(f.issue(f.claims().build()), null, null).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void aBlacklistedPersonIsRefusedOnTheSwipeAndOnEveryPassBoundToThem() {
        gate();
        byte[] person = GateFixture.binding(DocumentType.CN_ID, ADULT_1996);
        Pass inClaims = f.issue(f.claims().holderBinding(person).build());
        Pass unboundClaims = f.issue(f.claims().build()); // bound to them only through the manifest
        GateInternals.state(gate)
                .applyManifest(new ManifestDelta(
                        0,
                        1,
                        Collections.singletonList(new ManifestEntry(
                                unboundClaims.claims().passId(),
                                unboundClaims.text(),
                                Collections.singletonList(GateFixture.b64url(person)),
                                null,
                                null)),
                        null,
                        false));
        GateInternals.state(gate)
                .applyBlacklist(new BlacklistDelta(
                        0, 1, Collections.singletonList(GateFixture.b64url(person)), Collections.emptyList(), false));
        assertThat(qrWith(inClaims, null, null).reason()).isEqualTo(Reason.BLACKLISTED);
        assertThat(qrWith(unboundClaims, null, null).reason()).isEqualTo(Reason.BLACKLISTED);
        Decision swipe = gate.decide(Credential.idCard(ADULT_1996), GateContext.entry("main"));
        assertThat(swipe.reason()).isEqualTo(Reason.BLACKLISTED);
        // with no pass on file at all the swipe still says BLACKLISTED, not NOT_FOUND
        GateInternals.state(gate)
                .applyManifest(new ManifestDelta(
                        1,
                        2,
                        null,
                        Collections.singletonList(unboundClaims.claims().passId()),
                        false));
        assertThat(gate.decide(Credential.idCard(ADULT_1996), GateContext.entry("main"))
                        .reason())
                .isEqualTo(Reason.BLACKLISTED);
    }
}
