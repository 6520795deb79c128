package io.scenicpass.server.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.console.Role;
import io.scenicpass.server.shop.account.Address;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console page {@code /console/visitors} (segments with sizes, a masked lookup; VISITORS_READ only) and the
 * shop's marketing checkbox reaching the hub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorsPageTest {
    @TempDir
    static Path dir;

    TestServer ts;
    HubFixture hub;
    String adminPassword;

    @BeforeAll
    void start() throws Exception {
        ts = TestServer.h2(dir);
        hub = new HubFixture(ts);
        hub.book(hub.ota, "fam", "13800000011", null, "tour-adult", "tour-child");
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/segments/families",
                                TestServer.ADMIN,
                                "{\"name\":\"Families\",\"expression\":\"tags has family\"}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        adminPassword =
                Files.readString(ts.dataDir.resolve("console-admin-password")).trim();
        ts.server.console().operators.create("ro", "Read Only", Role.READ_ONLY, "read only password");
    }

    @AfterAll
    void stop() {
        ts.close();
    }

    PageClient signedIn(String login, String password, String lang) {
        PageClient c = new PageClient(ts.server.baseUrl()).language(lang);
        c.get("/console/sign-in");
        Page in = c.post("/console/sign-in", Map.of("login", login, "password", password, "next", "/console"));
        assertThat(in.status()).as(in.body()).isEqualTo(303);
        return c;
    }

    @Test
    void segmentsWithSizesAndAMaskedLookup() {
        PageClient c = signedIn("admin", adminPassword, "en");
        Page page = c.get("/console/visitors");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-segment=\"families\"", "<td class=\"size\">1</td>", "href=\"/console/visitors\"");

        Page found = c.post("/console/visitors/lookup", Map.of("kind", "PHONE", "value", "138 0000 0011"));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"visitor\"", "family").doesNotContain("13800000011");

        Page nobody = c.post("/console/visitors/lookup", Map.of("kind", "PHONE", "value", "13900000000"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.errorCode()).isEqualTo("NOT_FOUND");
        Page bad = c.post("/console/visitors/lookup", Map.of("kind", "CN_ID", "value", "123"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_LOOKUP");
        assertThat(bad.body()).doesNotContain("Exception");

        Page zh = signedIn("admin", adminPassword, "zh-CN").get("/console/visitors");
        assertThat(zh.body()).contains("人群分组", "查找游客");
    }

    @Test
    void anOperatorWithoutTheRightIsRefused() {
        PageClient c = signedIn("ro", "read only password", "en");
        assertThat(c.get("/console/visitors").status()).isEqualTo(403);
        assertThat(c.get("/console/catalogue").body()).doesNotContain("href=\"/console/visitors\"");
    }

    @Test
    void theShopsCheckboxIsTheVisitorsConsent() {
        long visitor = ts.server.visitors().directory().ofBooking("fam").orElseThrow();
        VisitorDirectory directory = ts.server.visitors().directory();
        assertThat(directory.marketingConsent(visitor)).isFalse();
        long account = shopAccount("13800000011");
        ShopConsent consent = ts.server.visitors().shopConsent();
        assertThat(consent.of(account)).isFalse();

        consent.set(account, true);

        assertThat(directory.marketingConsent(visitor)).isTrue();
        assertThat(consent.of(account)).isTrue();
        consent.set(account, false);
        assertThat(directory.marketingConsent(visitor)).isFalse();
        // an account the hub has not met yet: a visitor holding only its key and the consent
        long stranger = shopAccount("stranger@example.com");
        consent.set(stranger, true);
        long made = directory.find(VisitorHint.email("stranger@example.com")).orElseThrow();
        assertThat(directory.marketingConsent(made)).isTrue();
    }

    /** A shop account as sign-in makes it (address hash and ciphertext); its id. */
    private long shopAccount(String typed) {
        Address a = Address.parse(typed).orElseThrow();
        var keys = ts.server.identity().keys;
        String hash = keys.digest(a.hashText());
        return ts.server.database().tx(c -> {
            io.scenicpass.server.db.Jdbc.update(
                    c,
                    "INSERT INTO shop_visitor(address_hash, address_kind, contact_enc, lang, created_at) VALUES"
                            + " (?,?,?,?,?)",
                    hash,
                    a.kind().name(),
                    keys.encrypt(a.value(), "shop_visitor:" + hash),
                    "en",
                    0L);
            return io.scenicpass.server.db.Jdbc.one(
                            c, "SELECT id FROM shop_visitor WHERE address_hash=?", rs -> rs.getLong(1), hash)
                    .orElseThrow();
        });
    }
}
