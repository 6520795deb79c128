package io.scenicpass.server.terminal;

import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's blacklist and passes pages over real HTTP, and what a gate (the real sdk-terminal sync client) gets
 * from them: a document blacklisted on the page reaches the gate and leaves it again; a voided pass and a reissued
 * pass's old one are in the gate's revocations, the new pass is in the booking the channel reads. Each change is
 * audited; a read-only operator is refused on the page and on the same admin API route.
 */
class ConsolePassesGateTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static TerminalHarness th;
    static String key;
    static String adminPassword;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir.resolve("server"));
        IdentityFixture.product(ts, "rn", false);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        key = ts.channel("ota", 10_000, 10_000, null);
        th = new TerminalHarness(ts);
        adminPassword = ConsoleSignIn.adminPassword(ts);
    }

    @AfterAll
    static void stop() {
        th.close();
        ts.close();
    }

    @Test
    void aDocumentBlacklistedOnThePageReachesTheGateMaskedAndLeavesItAgain(@TempDir Path gate) {
        String number = cnId("19800101", "556");
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        assertThat(c.get("/console/blacklist").body()).contains("id=\"add\"").doesNotContain("??");
        Page noReason = c.post("/console/blacklist/add", Map.of("type", "CN_ID", "number", number, "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorCode()).isEqualTo("BAD_REQUEST");
        Page bad = c.post("/console/blacklist/add", Map.of("type", "CN_ID", "number", "12345", "reason", "x"));
        assertThat(bad.status()).isEqualTo(400);

        Page added =
                c.post("/console/blacklist/add", Map.of("type", "CN_ID", "number", number, "reason", "resold tickets"));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        Page list = c.follow(added);
        assertThat(list.body())
                .contains("id=\"done\"", "3301**********" + number.substring(14), "resold tickets", "operator:admin")
                .doesNotContain(number)
                .doesNotContain("??");
        Page twice = c.post("/console/blacklist/add", Map.of("type", "CN_ID", "number", number, "reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("CONFLICT");

        MemoryState state = sync(gate);
        byte[] binding = HolderBinding.of(
                Base64.getDecoder().decode(state.config.holderBindingKey()), DocumentType.CN_ID, number);
        assertThat(state.blacklist.isBlacklisted(binding)).isTrue();

        String entry = list.body().replaceAll("(?s).*data-entry=\"(\\d+)\" data-active=\"true\".*", "$1");
        Page removed = c.post("/console/blacklist/remove", Map.of("id", entry));
        assertThat(removed.status()).as(removed.body()).isEqualTo(303);
        assertThat(c.follow(removed).body()).contains("data-done=\"removed\"");
        assertThat(sync(gate).blacklist.isBlacklisted(binding)).isFalse();
        Page gone = c.post("/console/blacklist/remove", Map.of("id", entry));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(ts.get("/admin/v1/audit?action=blacklist", TestServer.ADMIN).body())
                .contains("console: blacklist add", "console: blacklist remove", "entry=" + entry)
                .doesNotContain(number);
    }

    @Test
    void aPassIsFoundVoidedAndReissuedAndTheGateRefusesTheOldOnes(@TempDir Path gate) {
        String doc = cnId("19550315", "124");
        String[] texts = book("pp-1", "rn-senior=" + identity("CN_ID", doc, "张三丰", null), "rn-adult");
        String senior = TerminalFixtures.passId(texts[0]);
        String adult = TerminalFixtures.passId(texts[1]);
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);

        assertThat(c.get("/console/passes?booking=pp-1").body())
                .contains("data-booking=\"pp-1\"", "data-pass=\"" + senior + "\" data-revoked=\"false\"");
        assertThat(c.get("/console/passes?pass=" + adult).body()).contains("data-booking=\"pp-1\"");
        Page byDoc = c.post("/console/passes/by-document", Map.of("type", "CN_ID", "number", doc));
        assertThat(byDoc.status()).isEqualTo(200);
        assertThat(byDoc.body()).contains("data-booking=\"pp-1\"").doesNotContain(doc);
        assertThat(c.post("/console/passes/by-document", Map.of("type", "CN_ID", "number", "1"))
                        .errorCode())
                .isEqualTo("BAD_REQUEST");
        assertThat(c.get("/console/passes?pass=nope").body()).contains("id=\"none\"");

        // void the adult's pass with a reason
        Page noReason = c.post("/console/passes/void", Map.of("passId", adult, "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        Page voided = c.post("/console/passes/void", Map.of("passId", adult, "reason", "lost at the entrance"));
        assertThat(voided.status()).as(voided.body()).isEqualTo(303);
        assertThat(c.follow(voided).body())
                .contains(
                        "data-action=\"VOID\"",
                        "lost at the entrance",
                        "data-pass=\"" + adult + "\" data-revoked=\"true\"");
        assertThat(c.post("/console/passes/void", Map.of("passId", adult, "reason", "again"))
                        .status())
                .isEqualTo(409);

        // reissue the senior's: a new pass for the same visitor, the old one revoked
        Page reissued = c.post("/console/passes/reissue", Map.of("passId", senior, "reason", "phone broken"));
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(303);
        Page after = c.follow(reissued);
        String fresh = after.body().replaceAll("(?s).*data-new-pass=\"([^\"]+)\".*", "$1");
        assertThat(fresh).isNotEqualTo(senior).hasSizeLessThan(64);
        assertThat(after.body()).contains("data-pass=\"" + fresh + "\" data-revoked=\"false\"", "phone broken");
        // the channel reads the new pass in its booking
        JsonNode octo = ts.get("/octo/bookings/pp-1", key).json();
        String shown = octo.get("unitItems")
                .get(0)
                .get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
        assertThat(TerminalFixtures.passId(shown)).isEqualTo(fresh);

        // the gate: old passes revoked, the new one carries the visitor's document binding
        MemoryState state = sync(gate);
        assertThat(state.revocations.isRevoked(adult)).isTrue();
        assertThat(state.revocations.isRevoked(senior)).isTrue();
        assertThat(state.revocations.isRevoked(fresh)).isFalse();
        byte[] areaKey = Base64.getDecoder().decode(state.config.holderBindingKey());
        assertThat(state.manifest.get(fresh).holderBindings())
                .containsExactly(
                        io.scenicpass.core.Blacklist.encode(HolderBinding.of(areaKey, DocumentType.CN_ID, doc)));
        assertThat(ts.get("/admin/v1/audit?action=pass", TestServer.ADMIN).body())
                .contains("console: void pass", "console: reissue pass", "newPassId=" + fresh);
    }

    @Test
    void theAdminApiVoidsAndReissuesAndAReadOnlyOperatorIsRefusedOnPageAndApiAlike() {
        String[] texts = book("pp-2", "rn-adult", "rn-adult");
        String one = TerminalFixtures.passId(texts[0]);
        String two = TerminalFixtures.passId(texts[1]);
        Answer view = ts.get("/admin/v1/passes/" + one, TestServer.ADMIN);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().get("uuid").asText()).isEqualTo("pp-2");
        assertThat(ts.get("/admin/v1/passes/unknown", TestServer.ADMIN).status())
                .isEqualTo(404);
        Answer noBody = ts.post("/admin/v1/passes/" + one + "/void", TestServer.ADMIN, "{}");
        assertThat(noBody.status()).isEqualTo(400);
        Answer voided = ts.post("/admin/v1/passes/" + one + "/void", TestServer.ADMIN, "{\"reason\":\"fraud\"}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("actor").asText()).isEqualTo("machine-token");
        assertThat(ts.server.passes().find(one).orElseThrow().revoked()).isTrue();
        Answer reissued = ts.post("/admin/v1/passes/" + two + "/reissue", TestServer.ADMIN, "{\"reason\":\"reprint\"}");
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
        assertThat(reissued.json().get("newPassId").asText()).isNotEqualTo(two);

        var ops = ts.server.console().operators;
        String id =
                ops.create("rosa", "Rosa", Role.READ_ONLY, "read only password").id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "rosa", "read only password");
        assertThat(c.get("/console/passes?booking=pp-2").status()).isEqualTo(200);
        assertThat(c.get("/console/blacklist").status()).isEqualTo(200);
        String fresh = reissued.json().get("newPassId").asText();
        Page page = c.post("/console/passes/void", Map.of("passId", fresh, "reason", "no right"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(ts.post("/admin/v1/passes/" + fresh + "/void", token, "{\"reason\":\"no right\"}")
                        .status())
                .isEqualTo(403);
        assertThat(c.post("/console/passes/reissue", Map.of("passId", fresh, "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(c.post("/console/blacklist/add", Map.of("type", "CN_ID", "number", "x", "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.post(
                                "/admin/v1/identity/blacklist",
                                token,
                                "{\"type\":\"CN_ID\",\"number\":\"x\",\"reason\":\"x\",\"addedBy\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(ts.server.passes().find(fresh).orElseThrow().revoked()).isFalse();
    }

    /** Books and confirms; the pass texts of its unit items in order. */
    private static String[] book(String uuid, String... items) {
        Answer held = ts.post("/octo/bookings", key, reserve(uuid, "rn", SLOT, items));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        String[] out = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = ok.json()
                    .get("unitItems")
                    .get(i)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
        }
        return out;
    }

    private static MemoryState sync(Path gate) {
        return th.syncedGate(gate, "gate-a");
    }
}
