package io.scenicpass.server.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real-name sales at the counter follow the identity rules of every channel: documents required by the policy,
 * validated, age-checked, limited per document and day, refused when blacklisted; tickets show the holder masked.
 */
class CounterRealNameTest extends CounterTestBase {
    static final String SLOT = "rn-opt|" + IdentityFixture.SLOT;
    static final String ADULT_ID = IdentityFixture.cnId("19800101", "555");
    static final String CHILD_ID = IdentityFixture.cnId("20150101", "556");

    @BeforeEach
    void setUpRealName() {
        IdentityFixture.product(ts, "rn", false);
        TestServer.Answer policy = ts.send(
                "PUT",
                "/admin/v1/identity/products/rn/policy",
                TestServer.ADMIN,
                "{\"realName\":\"EVERY_VISITOR\",\"dailyLimit\":1,\"limitScope\":\"PRODUCT\"}",
                java.util.Map.of());
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
    }

    static String sale(String saleId, String... items) {
        return "{\"saleId\":\"" + saleId + "\",\"productId\":\"rn\",\"slotId\":\"" + SLOT + "\",\"items\":["
                + String.join(",", items) + "]}";
    }

    static String item(String unit, String number, String name) {
        return "{\"unitId\":\"" + unit + "\""
                + (number == null ? "" : ",\"identity\":" + IdentityFixture.identity("CN_ID", number, name, null))
                + "}";
    }

    TestServer.Answer post(String body) {
        return f.as(f.kiosk, "POST", "/terminal/v1/counter/sales", body);
    }

    @Test
    void documentsAreRequiredCheckedAndShownMasked() {
        assertThat(f.product("rn").get("realName").asBoolean()).isTrue();
        assertThat(f.product("tour").get("realName").asBoolean()).isFalse();

        TestServer.Answer missing = post(sale(UUID.randomUUID().toString(), item("rn-adult", null, null)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(missing.json().get("message").asText()).contains("items[0].identity is required");

        TestServer.Answer malformed = post(sale(UUID.randomUUID().toString(), item("rn-adult", "123", "张三")));
        assertThat(malformed.json().get("code").asText()).isEqualTo("BAD_REQUEST");

        TestServer.Answer tooOld = post(sale(UUID.randomUUID().toString(), item("rn-child", ADULT_ID, "张三")));
        assertThat(tooOld.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(tooOld.json().get("message").asText()).contains("ages");

        String saleId = UUID.randomUUID().toString();
        TestServer.Answer held = post(sale(saleId, item("rn-adult", ADULT_ID, "张三"), item("rn-child", CHILD_ID, "张小")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        JsonNode paid = f.pay(f.kiosk, saleId, CounterPaymentsTest.CODE);
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        JsonNode holder = paid.get("tickets").get(0).get("holder");
        assertThat(holder.get("type").asText()).isEqualTo("CN_ID");
        assertThat(holder.get("name").asText()).isEqualTo("张*");
        assertThat(holder.get("number").asText())
                .startsWith("3301")
                .contains("*")
                .doesNotContain("19800101");
        assertThat(paid.toString()).doesNotContain(ADULT_ID).doesNotContain("张三");

        // one booking per document and day for this product
        TestServer.Answer again = post(sale(UUID.randomUUID().toString(), item("rn-adult", ADULT_ID, "张三")));
        assertThat(again.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(again.json().get("message").asText()).contains("limit");
    }

    @Test
    void aBlacklistedDocumentIsRefused() {
        TestServer.Answer listed = ts.post(
                "/admin/v1/identity/blacklist",
                TestServer.ADMIN,
                "{\"type\":\"CN_ID\",\"number\":\"" + ADULT_ID + "\",\"reason\":\"test\",\"addedBy\":\"ops\"}");
        assertThat(listed.status()).as(listed.body()).isBetween(200, 201);
        TestServer.Answer refused = post(sale(UUID.randomUUID().toString(), item("rn-adult", ADULT_ID, "张三")));
        assertThat(refused.json().get("code").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.json().get("message").asText()).contains("blacklisted");
        JsonNode slots = f.product("rn").get("slots");
        for (JsonNode s : slots) {
            assertThat(s.get("remaining").asInt()).isEqualTo(100); // nothing held
        }
    }
}
