package io.scenicpass.server.identity;

import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Blacklist;
import io.scenicpass.core.Claims;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCTO identity extension through the real server: validation, age, masking, binding into passes. */
class OctoIdentityTest {
    static final String SENIOR = cnId("19550315", "123"); // 71 on the visit day
    static final String ADULT = cnId("19960601", "456"); // 30

    @TempDir
    Path dir;

    TestServer ts;
    String key;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        IdentityFixture.product(ts, "rn", false);
        key = ts.channel("ota", 1000, 1000, null);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void aSeniorsDocumentIsValidatedShownMaskedAndBoundIntoThePassAndTheManifest() throws Exception {
        Answer a = ts.post(
                "/octo/bookings",
                key,
                reserve("s-1", "rn", SLOT, "rn-senior=" + identity("CN_ID", SENIOR, "张三丰", null)));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode id = a.json().get("unitItems").get(0).get("identity");
        assertThat(id.get("type").asText()).isEqualTo("CN_ID");
        assertThat(id.get("number").asText()).isEqualTo("3301**********" + SENIOR.substring(14));
        assertThat(id.get("name").asText()).isEqualTo("张**");
        assertThat(a.body()).doesNotContain(SENIOR).doesNotContain("张三丰");

        JsonNode b = ts.post("/octo/bookings/s-1/confirm", key, null).json();
        assertThat(b.get("status").asText()).isEqualTo("CONFIRMED");
        String text = b.get("unitItems")
                .get(0)
                .get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
        Claims claims = PassCodec.decode(text).claims();
        byte[] areaKey = ts.server
                .database()
                .read(c -> java.util.Base64.getDecoder()
                        .decode(new SettingStore()
                                .get(c, "area.holderBindingKey")
                                .orElseThrow()));
        byte[] binding = HolderBinding.of(areaKey, DocumentType.CN_ID, SENIOR);
        // the binding travels in the manifest, not in the QR (it would take the pass to QR version 8)
        assertThat(claims.holderBinding()).isEmpty();
        assertThat(claims.minAge()).hasValue(60);
        String passId = claims.passId();
        List<String> creds = ts.server
                .database()
                .read(c -> Jdbc.list(
                        c,
                        "SELECT credential_value FROM pass_credential WHERE pass_id=?",
                        rs -> rs.getString(1),
                        passId));
        assertThat(creds).containsExactly(Blacklist.encode(binding));
        assertNothingInClear(SENIOR, "张三丰");
    }

    @Test
    void aWrongCheckCharacterIsABadRequestNamingTheUnitItemAndStoresNothing() {
        String wrong = SENIOR.substring(0, 17) + (SENIOR.charAt(17) == '1' ? '2' : '1');
        Answer a = ts.post(
                "/octo/bookings",
                key,
                reserve("bad-1", "rn", SLOT, "rn-adult", "rn-senior=" + identity("CN_ID", wrong, "张三丰", null)));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(a.json().get("errorMessage").asText())
                .contains("unitItems[1].identity.number")
                .contains("CN_ID_CHECK_CHARACTER")
                .doesNotContain(wrong);
        assertThat(ts.get("/octo/bookings/bad-1", key).status()).isEqualTo(400);
        assertThat(count("visitor_identity")).isZero();
    }

    @Test
    void otherDocumentsNeedAPlausibleFormatAndPassportsACountry() {
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                reserve(
                                        "p-1",
                                        "rn",
                                        SLOT,
                                        "rn-adult=" + identity("PASSPORT", "E1234567", "Jane Roe", "FRA")))
                        .status())
                .isEqualTo(200);
        Answer noCountry = ts.post(
                "/octo/bookings",
                key,
                reserve("p-2", "rn", SLOT, "rn-adult=" + identity("PASSPORT", "E1234567", "Jane Roe", null)));
        assertThat(noCountry.status()).isEqualTo(400);
        assertThat(noCountry.json().get("errorMessage").asText()).contains("unitItems[0].identity.country");
        Answer permit = ts.post(
                "/octo/bookings",
                key,
                reserve("p-3", "rn", SLOT, "rn-adult=" + identity("HK_MO_PERMIT", "X1234", "陈大文", null)));
        assertThat(permit.status()).isEqualTo(400);
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                reserve(
                                        "p-4",
                                        "rn",
                                        SLOT,
                                        "rn-adult=" + identity("HK_MO_PERMIT", "H12345678", "陈大文", null)))
                        .status())
                .isEqualTo(200);
        Answer type = ts.post(
                "/octo/bookings",
                key,
                reserve("p-5", "rn", SLOT, "rn-adult=" + identity("LIBRARY_CARD", "123", "x", null)));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("errorMessage").asText()).contains("unitItems[0].identity.type");
    }

    @Test
    void theAgeIsCheckedOnTheVisitDateAgainstTheUnit() {
        Answer a = ts.post(
                "/octo/bookings",
                key,
                reserve("age-1", "rn", SLOT, "rn-senior=" + identity("CN_ID", ADULT, "李四", null)));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(a.json().get("errorMessage").asText())
                .contains("unitItems[0].identity")
                .contains("is 30 on 2026-06-02")
                .contains("60 and over");
        // born 2008-06-03: 17 on the visit day 2026-06-02, 18 the day after (child unit: 6..18)
        String teen = cnId("20080603", "111");
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                reserve("age-2", "rn", SLOT, "rn-child=" + identity("CN_ID", teen, "小明", null)))
                        .status())
                .isEqualTo(200);
        String nineteen = cnId("20070601", "222");
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                reserve("age-3", "rn", SLOT, "rn-child=" + identity("CN_ID", nineteen, "小红", null)))
                        .status())
                .isEqualTo(400);
        assertThat(count("visitor_identity")).isEqualTo(1);
    }

    @Test
    void aRealNameUnitNeedsItsDocumentAtTheLatestOnConfirmAndPatchOrConfirmCanGiveIt() {
        assertThat(ts.post("/octo/bookings", key, reserve("c-1", "rn", SLOT, "rn-adult", "rn-senior"))
                        .status())
                .isEqualTo(200);
        Answer refused = ts.post("/octo/bookings/c-1/confirm", key, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.json().get("errorMessage").asText()).contains("unitItems[1].identity is required");
        assertThat(ts.get("/octo/bookings/c-1", key).json().get("status").asText())
                .isEqualTo("ON_HOLD");

        Answer patched = ts.send(
                "PATCH",
                "/octo/bookings/c-1",
                key,
                "{\"unitItems\":[{\"unitId\":\"rn-adult\"},{\"unitId\":\"rn-senior\",\"identity\":"
                        + identity("CN_ID", SENIOR, "张三丰", null) + "}]}",
                java.util.Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json()
                        .get("unitItems")
                        .get(1)
                        .get("identity")
                        .get("number")
                        .asText())
                .startsWith("3301");
        assertThat(ts.post("/octo/bookings/c-1/confirm", key, null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");

        assertThat(ts.post("/octo/bookings", key, reserve("c-2", "rn", SLOT, "rn-child"))
                        .status())
                .isEqualTo(200);
        Answer confirmed = ts.post(
                "/octo/bookings/c-2/confirm",
                key,
                "{\"unitItems\":[{\"unitId\":\"rn-child\",\"identity\":"
                        + identity("CN_ID", cnId("20150101", "333"), "小明", null) + "}]}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed
                        .json()
                        .get("unitItems")
                        .get(0)
                        .get("identity")
                        .get("name")
                        .asText())
                .isEqualTo("小*");
    }

    @Test
    void aConfirmedBookingCannotGainAnItemThatNeedsADocumentWithoutOne() {
        assertThat(ts.post("/octo/bookings", key, reserve("m-1", "rn", SLOT, "rn-adult"))
                        .status())
                .isEqualTo(200);
        assertThat(ts.post("/octo/bookings/m-1/confirm", key, null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        Answer patched = ts.send(
                "PATCH",
                "/octo/bookings/m-1",
                key,
                "{\"unitItems\":[{\"unitId\":\"rn-adult\"},{\"unitId\":\"rn-senior\"}]}",
                java.util.Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(400);
        assertThat(patched.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(patched.json().get("errorMessage").asText()).contains("unitItems[1].identity is required");
        assertThat(ts.get("/octo/bookings/m-1", key).json().get("unitItems").size())
                .as("nothing changed")
                .isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameDocumentIsTheSameReservationAndWithAnotherOneIsRefused() {
        String body = reserve("r-1", "rn", SLOT, "rn-senior=" + identity("CN_ID", SENIOR, "张三丰", null));
        assertThat(ts.post("/octo/bookings", key, body).status()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings", key, body).status()).isEqualTo(200);
        Answer other = ts.post(
                "/octo/bookings",
                key,
                reserve("r-1", "rn", SLOT, "rn-senior=" + identity("CN_ID", cnId("19500101", "999"), "王五", null)));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("errorMessage").asText()).contains("different reservation request");
    }

    private long count(String table) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))
                        .orElseThrow());
    }

    /** No column of the identity and booking tables holds the number or the name in clear. */
    private void assertNothingInClear(String number, String name) {
        for (String table : List.of("visitor_identity", "booking", "identity_claim", "pass_credential", "outbox")) {
            List<String> rows = ts.server
                    .database()
                    .read(c -> Jdbc.list(c, "SELECT * FROM " + table, rs -> {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        return sb.toString();
                    }));
            assertThat(rows).as(table).noneMatch(r -> r.contains(number) || r.contains(name));
        }
    }
}
