package io.scenicpass.server.terminal;

import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Blacklist;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.terminal.TerminalHarness.MemoryState;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-name passes and the document blacklist as a gate receives them (the real sdk-terminal sync client): the
 * manifest finds a visitor's pass by the binding of their document, a group pass by every visitor's; the admin
 * blacklist by document reaches the gate as that binding, audited, and leaves it again on removal or expiry.
 */
class IdentityFeedTest {
    static final String SENIOR = cnId("19550315", "123");
    static final String OTHER = cnId("19520707", "321");

    @TempDir
    static Path dir;

    static TestServer ts;
    static TerminalHarness th;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir.resolve("server"));
        IdentityFixture.product(ts, "rn", false);
        IdentityFixture.product(ts, "grp", true);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        key = ts.channel("ota", 10_000, 10_000, null);
        th = new TerminalHarness(ts);
    }

    @AfterAll
    static void stop() {
        th.close();
        ts.close();
    }

    @Test
    void theManifestFindsEachVisitorsPassByTheirDocument(@TempDir Path gate) {
        String single = book("feed-1", "rn", "rn-senior=" + identity("CN_ID", SENIOR, "张三丰", null));
        String group = book(
                "feed-2",
                "grp",
                "grp-senior=" + identity("CN_ID", SENIOR, "张三丰", null),
                "grp-senior=" + identity("CN_ID", OTHER, "李四", null),
                "grp-adult");
        MemoryState state = sync(gate);
        byte[] areaKey = Base64.getDecoder().decode(state.config.holderBindingKey());
        String mine = Blacklist.encode(HolderBinding.of(areaKey, DocumentType.CN_ID, SENIOR));
        String theirs = Blacklist.encode(HolderBinding.of(areaKey, DocumentType.CN_ID, OTHER));
        assertThat(state.manifest.get(TerminalFixtures.passId(single)).holderBindings())
                .containsExactly(mine);
        assertThat(state.manifest.get(TerminalFixtures.passId(group)).holderBindings())
                .containsExactlyInAnyOrder(mine, theirs);
    }

    @Test
    void aDocumentBlacklistedByTheOperatorReachesTheGateAndLeavesItAgain(@TempDir Path gate) {
        String number = cnId("19800101", "555");
        Answer added = ts.post(
                "/admin/v1/identity/blacklist",
                TestServer.ADMIN,
                "{\"type\":\"CN_ID\",\"number\":\"" + number + "\",\"reason\":\"fraud with resold tickets\","
                        + "\"addedBy\":\"duty-manager-li\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("number").asText()).isEqualTo("3301**********" + number.substring(14));
        assertThat(added.body()).doesNotContain(number);
        Answer again = ts.post(
                "/admin/v1/identity/blacklist",
                TestServer.ADMIN,
                "{\"type\":\"CN_ID\",\"number\":\"" + number + "\",\"reason\":\"x\",\"addedBy\":\"y\"}");
        assertThat(again.status()).isEqualTo(409);

        MemoryState state = sync(gate);
        byte[] binding = HolderBinding.of(
                Base64.getDecoder().decode(state.config.holderBindingKey()), DocumentType.CN_ID, number);
        assertThat(state.blacklist.isBlacklisted(binding)).isTrue();
        // booking with it is refused too
        Answer refused = ts.post(
                "/octo/bookings",
                key,
                reserve("bl-1", "rn", SLOT, "rn-adult=" + identity("CN_ID", number, "王五", null)));
        assertThat(refused.json().get("errorMessage").asText()).contains("blacklisted");

        Answer removed = ts.post(
                "/admin/v1/identity/blacklist/remove",
                TestServer.ADMIN,
                "{\"type\":\"CN_ID\",\"number\":\"" + number + "\",\"removedBy\":\"duty-manager-wang\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        JsonNode audit = ts.get("/admin/v1/identity/blacklist?activeOnly=false", TestServer.ADMIN)
                .json();
        assertThat(audit.get(0).get("addedBy").asText()).isEqualTo("duty-manager-li");
        assertThat(audit.get(0).get("removedBy").asText()).isEqualTo("duty-manager-wang");
        assertThat(audit.get(0).get("reason").asText()).isEqualTo("fraud with resold tickets");
        assertThat(sync(gate).blacklist.isBlacklisted(binding)).isFalse();
    }

    @Test
    void aBlacklistEntryEndsAtItsExpiryThroughTheIdentityJob(@TempDir Path gate) {
        String number = cnId("19700505", "777");
        String expires = ts.clock.instant().plus(Duration.ofDays(7)).toString();
        assertThat(ts.post(
                                "/admin/v1/identity/blacklist",
                                TestServer.ADMIN,
                                "{\"type\":\"CN_ID\",\"number\":\"" + number + "\",\"reason\":\"banned for a week\","
                                        + "\"addedBy\":\"ops\",\"expiresAt\":\"" + expires + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(ts.server.identity().blacklist.expire()).isZero();
        java.time.Instant start = ts.clock.instant();
        ts.clock.advance(Duration.ofDays(7));
        assertThat(ts.server.identity().blacklist.expire()).isEqualTo(1);
        ts.clock.set(start);
        MemoryState state = sync(gate);
        byte[] binding = HolderBinding.of(
                Base64.getDecoder().decode(state.config.holderBindingKey()), DocumentType.CN_ID, number);
        assertThat(state.blacklist.isBlacklisted(binding)).isFalse();
        JsonNode audit = ts.get("/admin/v1/identity/blacklist?activeOnly=false", TestServer.ADMIN)
                .json();
        assertThat(audit.findValuesAsText("removedBy")).contains("expiry");
    }

    private static String book(String uuid, String product, String... items) {
        Answer held = ts.post("/octo/bookings", key, reserve(uuid, product, SLOT, items));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode holder = ok.json().path("voucher").has("deliveryOptions") // OCTO: voucher null on ticket products
                ? ok.json().get("voucher")
                : ok.json().get("unitItems").get(0).get("ticket");
        return holder.get("deliveryOptions").get(0).get("deliveryValue").asText();
    }

    private static MemoryState sync(Path gate) {
        return th.syncedGate(gate, "gate-a");
    }
}
