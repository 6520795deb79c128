package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booking half of real-name tickets (issue 14): a grandmother's senior ticket is booked through an OTA with her
 * ID card number; the OTA sees it masked; a second booking on her card for the same day, at another OTA, is refused;
 * a 30-year-old cannot buy a senior ticket on his own card; the operator blacklists a document and the gate's synced
 * blacklist holds it; the gate's manifest finds her pass from her card alone. (The gate's decisions are the gate
 * half's journey.)
 */
class SeniorBooksByRealNameTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String GRANDMA = IdentityFixture.cnId("19550315", "124");

    @TempDir
    Path dir;

    @Test
    void aSeniorBooksWithHerIdCardAndTheParkKnowsHerByIt() throws Exception {
        try (Park park = Park.open(dir)) {
            String ctrip = park.demo.channelKeys().get("ctrip");
            String meituan = park.demo.channelKeys().get("meituan");
            String grandma = IdentityFixture.identity("CN_ID", GRANDMA, "王秀英", null);

            TestServer.Answer held = park.server.post(
                    "/octo/bookings",
                    ctrip,
                    IdentityFixture.reserve("rn-grandma", "park-entry", SLOT, "park-entry-senior=" + grandma));
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            JsonNode id = held.json().get("unitItems").get(0).get("identity");
            assertThat(id.get("number").asText()).isEqualTo("3301**********" + GRANDMA.substring(14));
            assertThat(id.get("name").asText()).isEqualTo("王**");
            TestServer.Answer confirmed = park.server.post("/octo/bookings/rn-grandma/confirm", ctrip, "{}");
            assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
            String qr = confirmed
                    .json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
            assertThat(PassCodec.decode(qr).claims().minAge()).hasValue(60);

            // one booking per document per day across the park's tickets, whichever OTA sells it
            TestServer.Answer again = park.server.post(
                    "/octo/bookings",
                    meituan,
                    IdentityFixture.reserve("rn-again", "park-cablecar", SLOT, "park-cablecar-senior=" + grandma));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("errorMessage").asText()).contains("limit 1 per document per day");

            // a 30-year-old's own card does not make him a senior
            String young = IdentityFixture.identity("CN_ID", IdentityFixture.cnId("19960601", "135"), "张伟", null);
            TestServer.Answer tooYoung = park.server.post(
                    "/octo/bookings",
                    ctrip,
                    IdentityFixture.reserve("rn-young", "park-entry", SLOT, "park-entry-senior=" + young));
            assertThat(tooYoung.json().get("errorMessage").asText()).contains("is 30 on 2026-06-02");

            // the operator blacklists a tout's document; the gate learns it, and finds grandma's pass by her card
            String tout = IdentityFixture.cnId("19850808", "246");
            TestServer.Answer listed = park.admin(
                    "POST",
                    "/admin/v1/identity/blacklist",
                    "{\"type\":\"CN_ID\",\"number\":\"" + tout + "\",\"reason\":\"ticket touting at the north gate\","
                            + "\"addedBy\":\"duty manager Li\"}");
            assertThat(listed.status()).as(listed.body()).isEqualTo(201);
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            byte[] areaKey = Base64.getDecoder()
                    .decode(north.state().config().orElseThrow().holderBindingKey());
            assertThat(north.state().blacklist().isBlacklisted(HolderBinding.of(areaKey, DocumentType.CN_ID, tout)))
                    .isTrue();
            assertThat(north.state().manifest().byHolderBinding(HolderBinding.of(areaKey, DocumentType.CN_ID, GRANDMA)))
                    .extracting(e -> e.passText())
                    .containsExactly(qr);
        }
    }
}
