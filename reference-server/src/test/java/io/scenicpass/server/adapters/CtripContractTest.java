package io.scenicpass.server.adapters;

import static io.scenicpass.server.testing.CtripClient.item;
import static io.scenicpass.server.testing.CtripClient.order;
import static io.scenicpass.server.testing.CtripClient.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.CtripClient;
import io.scenicpass.server.testing.CtripReceiver;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrip's supplier interface over real HTTP with a signed client written from Ctrip's documentation: signatures,
 * request times, the order services translated onto the booking service (retries answered the same, no second
 * sale), real-name orders, and the signed inventory pushes received by a local "Ctrip" on a real port.
 */
class CtripContractTest {
    static final String ACCOUNT = "sp-supplier-01";
    static final String KEY = "ctrip-shared-key-1";
    static final String DAY = "2026-06-02";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static TestServer ts;
    static MutableClock clock = new MutableClock(TestServer.START);
    static CtripClient ctrip;
    static CtripReceiver receiver;
    static List<JsonNode> notices;

    @BeforeAll
    static void start() throws Exception {
        receiver = new CtripReceiver();
        notices = receiver.received;
        ts = new TestServer(dir, null, clock, Map.of("webhooks.allowPrivateTargets", "true"));
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ts.product("solo", "Asia/Shanghai", LocalTime.of(9, 0), LocalTime.of(10, 0), 60, 2, false, 60, null);
        IdentityFixture.product(ts, "rn", false);
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/identity/products/rn/policy",
                                TestServer.ADMIN,
                                "{\"realName\":\"EVERY_VISITOR\",\"dailyLimit\":1}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        ts.channel("ctrip", 1000, 1000, null);
        String url = receiver.url();
        TestServer.Answer a = ts.send(
                "PUT",
                "/admin/v1/channels/ctrip/ctrip",
                TestServer.ADMIN,
                "{\"accountId\":\"" + ACCOUNT + "\",\"signKey\":\"" + KEY + "\",\"noticeUrl\":\"" + url + "\"}",
                Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(204);
        ctrip = new CtripClient(ts.server.baseUrl(), ts.http, clock, ACCOUNT, KEY);
    }

    @AfterAll
    static void stop() {
        ts.close();
        receiver.close();
    }

    static String code(JsonNode reply) {
        return reply.get("header").get("resultCode").asText();
    }

    static int vacancies(String product, String date) {
        JsonNode days = ts.post(
                        "/octo/availability/calendar",
                        "key-ctrip",
                        "{\"productId\":\"" + product + "\",\"optionId\":\"" + product + "-opt\",\"localDateStart\":\""
                                + date + "\",\"localDateEnd\":\"" + date + "\"}")
                .json();
        return days.get(0).get("vacancies").asInt();
    }

    @Test
    void createPayQueryAndVoucherResend() {
        String body = order(
                "C-100", "[" + item("I-1", "tour-adult", DAY, 2) + "," + item("I-2", "tour-child", DAY, 1) + "]", "[]");
        JsonNode created = ctrip.call("CreatePreOrder", body);
        assertThat(code(created)).as(created.toString()).isEqualTo("0000");
        String supplierOrderId = created.get("body").get("supplierOrderId").asText();
        assertThat(created.get("body").get("otaOrderId").asText()).isEqualTo("C-100");

        JsonNode held = ctrip.call("QueryOrder", ref("C-100"));
        assertThat(held.get("body").get("items").get(0).get("orderStatus").asInt())
                .isEqualTo(1);

        JsonNode paid = ctrip.call("PayPreOrder", ref("C-100"));
        assertThat(code(paid)).as(paid.toString()).isEqualTo("0000");
        assertThat(paid.get("body").get("supplierOrderId").asText()).isEqualTo(supplierOrderId);
        assertThat(paid.get("body").get("vouchers")).hasSize(3);
        assertThat(paid.get("body").get("vouchers").get(0).get("itemId").asText())
                .isEqualTo("I-1");
        assertThat(paid.get("body").get("vouchers").get(2).get("itemId").asText())
                .isEqualTo("I-2");

        JsonNode q = ctrip.call("QueryOrder", ref("C-100"));
        assertThat(code(q)).isEqualTo("0000");
        JsonNode items = q.get("body").get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("itemId").asText()).isEqualTo("I-1");
        assertThat(items.get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("orderStatus").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("useQuantity").asInt()).isZero();
        assertThat(items.get(1).get("quantity").asInt()).isEqualTo(1);

        JsonNode resent = ctrip.call("SendVoucher", ref("C-100"));
        assertThat(code(resent)).isEqualTo("0000");
        assertThat(resent.get("body").get("vouchers"))
                .isEqualTo(paid.get("body").get("vouchers"));

        // the same booking through OCTO's eyes: one sale of three, referenced by Ctrip's order id
        JsonNode octo = ts.get("/octo/bookings/" + supplierOrderId, "key-ctrip").json();
        assertThat(octo.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(octo.get("resellerReference").asText()).isEqualTo("C-100");
        assertThat(octo.get("unitItems")).hasSize(3);
    }

    @Test
    void retriesAreAnsweredTheSameWithoutASecondSale() {
        int before = vacancies("tour", DAY);
        String body = order("C-200", "[" + item("I-1", "tour-adult", DAY, 2) + "]", "[]");
        JsonNode first = ctrip.call("CreatePreOrder", body);
        JsonNode again = ctrip.call("CreatePreOrder", body);
        assertThat(again.get("body")).isEqualTo(first.get("body"));
        assertThat(vacancies("tour", DAY)).isEqualTo(before - 2);

        JsonNode paid = ctrip.call("PayPreOrder", ref("C-200"));
        JsonNode paidAgain = ctrip.call("PayPreOrder", ref("C-200"));
        assertThat(code(paidAgain)).isEqualTo("0000");
        assertThat(paidAgain.get("body")).isEqualTo(paid.get("body"));
        assertThat(vacancies("tour", DAY)).isEqualTo(before - 2);

        // the same order id with other content is refused, not sold again
        JsonNode other =
                ctrip.call("CreatePreOrder", order("C-200", "[" + item("I-1", "tour-adult", DAY, 3) + "]", "[]"));
        assertThat(code(other)).as(other.toString()).isEqualTo("1005");

        String cancel =
                "{\"sequenceId\":\"x\",\"otaOrderId\":\"C-200\",\"items\":[{\"itemId\":\"I-1\",\"quantity\":1}]}";
        assertThat(code(ctrip.call("CancelOrder", cancel)))
                .as("not the cancellable quantity")
                .isEqualTo("3001");
        String all = "{\"sequenceId\":\"y\",\"otaOrderId\":\"C-200\",\"items\":[{\"itemId\":\"I-1\",\"quantity\":2}]}";
        JsonNode cancelled = ctrip.call("CancelOrder", all);
        assertThat(code(cancelled)).as(cancelled.toString()).isEqualTo("0000");
        assertThat(code(ctrip.call("CancelOrder", all))).as("a retried cancel").isEqualTo("0000");
        assertThat(vacancies("tour", DAY)).isEqualTo(before);
        JsonNode q = ctrip.call("QueryOrder", ref("C-200"));
        assertThat(q.get("body").get("items").get(0).get("orderStatus").asInt()).isEqualTo(5);
        assertThat(q.get("body").get("items").get(0).get("cancelQuantity").asInt())
                .isEqualTo(2);
    }

    @Test
    void signaturesAreCheckedOnEveryRequest() {
        String body = order("C-300", "[" + item("I-1", "tour-adult", DAY, 1) + "]", "[]");
        int before = vacancies("tour", DAY);
        JsonNode forged = ctrip.send("CreatePreOrder", ctrip.now(), body, CtripClient.md5("anything"));
        assertThat(code(forged)).isEqualTo("0002");
        JsonNode wrongKey = new CtripClient(ts.server.baseUrl(), ts.http, clock, ACCOUNT, "not-the-key")
                .call("CreatePreOrder", body);
        assertThat(code(wrongKey)).isEqualTo("0002");
        // the body is signed as sent: a changed quantity under the old signature is refused
        String signed = CtripClient.md5(ACCOUNT + "CreatePreOrder" + ctrip.now() + body.replace(" ", "") + "1.0" + KEY);
        JsonNode tampered =
                ctrip.send("CreatePreOrder", ctrip.now(), body.replace("\"quantity\":1", "\"quantity\":5"), signed);
        assertThat(code(tampered)).isEqualTo("0002");
        JsonNode stranger = new CtripClient(ts.server.baseUrl(), ts.http, clock, "someone-else", KEY)
                .call("QueryOrder", ref("C-300"));
        assertThat(code(stranger)).isEqualTo("0003");
        assertThat(vacancies("tour", DAY)).isEqualTo(before);
        // unreadable envelopes: a typed answer, never a stack trace or a 500
        assertThat(code(ctrip.post("not json"))).isEqualTo("0001");
        assertThat(code(ctrip.post("{\"header\":{\"accountId\":\"x\"}}"))).isEqualTo("0001");
        assertThat(code(ctrip.call("DropTables", ref("C-300")))).isEqualTo("0004");
    }

    @Test
    void staleOrFutureRequestTimesAreRefused() {
        String body = ref("C-400");
        String old = CtripClient.TIME.format(
                clock.instant().minus(Duration.ofMinutes(6)).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        String future = CtripClient.TIME.format(
                clock.instant().plus(Duration.ofMinutes(6)).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(code(ctrip.send("QueryOrder", old, body, null))).isEqualTo("0006");
        assertThat(code(ctrip.send("QueryOrder", future, body, null))).isEqualTo("0006");
        String recent = CtripClient.TIME.format(
                clock.instant().minus(Duration.ofMinutes(4)).atZone(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(code(ctrip.send("QueryOrder", recent, body, null)))
                .as("unknown order, but signed in time")
                .isEqualTo("2001");
        assertThat(code(ctrip.send("QueryOrder", "yesterday", body, null))).isEqualTo("0001");
    }

    @Test
    void soldOutAndUnknownProductsAreTypedErrors() {
        JsonNode tooMany =
                ctrip.call("CreatePreOrder", order("C-500", "[" + item("I-1", "solo-adult", DAY, 3) + "]", "[]"));
        assertThat(code(tooMany)).as(tooMany.toString()).isEqualTo("1003");
        assertThat(code(ctrip.call(
                        "CreatePreOrder", order("C-501", "[" + item("I-1", "solo-adult", DAY, 2) + "]", "[]"))))
                .isEqualTo("0000");
        JsonNode full =
                ctrip.call("CreatePreOrder", order("C-502", "[" + item("I-1", "solo-adult", DAY, 1) + "]", "[]"));
        assertThat(code(full)).isEqualTo("1003");
        assertThat(code(ctrip.call("QueryOrder", ref("C-502"))))
                .as("nothing was booked")
                .isEqualTo("2001");
        assertThat(code(ctrip.call(
                        "CreatePreOrder", order("C-503", "[" + item("I-1", "no-such-plu", DAY, 1) + "]", "[]"))))
                .isEqualTo("1001");
        assertThat(code(ctrip.call(
                        "CreatePreOrder",
                        order("C-504", "[" + item("I-1", "tour-adult", "2030-01-01", 1) + "]", "[]"))))
                .isEqualTo("1002");
        assertThat(code(ctrip.call(
                        "CreatePreOrder",
                        order("C-505", "[" + item("I-1", "tour-adult", "02/06/2026", 1) + "]", "[]"))))
                .isEqualTo("0001");
    }

    @Test
    void realNameOrdersCarryTheVisitorsDocuments() {
        String n1 = IdentityFixture.cnId("19500101", "201");
        String n2 = IdentityFixture.cnId("19520202", "202");
        String passengers = "[{\"name\":\"李四\",\"cardType\":\"1\",\"cardNo\":\"" + n1 + "\"},"
                + "{\"name\":\"王五\",\"cardType\":\"1\",\"cardNo\":\"" + n2 + "\"}]";
        // without documents the places are held, but not sold: every visitor must be named
        assertThat(code(ctrip.call(
                        "CreatePreOrder", order("C-600", "[" + item("I-1", "rn-senior", DAY, 2) + "]", "[]"))))
                .isEqualTo("0000");
        JsonNode missing = ctrip.call("PayPreOrder", ref("C-600"));
        assertThat(code(missing)).as(missing.toString()).isEqualTo("1004");
        assertThat(missing.get("header").get("resultMessage").asText()).contains("visitor[0]");
        JsonNode ok =
                ctrip.call("CreatePreOrder", order("C-601", "[" + item("I-1", "rn-senior", DAY, 2) + "]", passengers));
        assertThat(code(ok)).as(ok.toString()).isEqualTo("0000");
        assertThat(code(ctrip.call("PayPreOrder", ref("C-601")))).isEqualTo("0000");
        // the documents are the booking's: the same visitor cannot be booked twice that day (dailyLimit 1)
        JsonNode twice = ctrip.call(
                "CreatePreOrder",
                order(
                        "C-602",
                        "[" + item("I-1", "rn-senior", DAY, 1) + "]",
                        "[{\"name\":\"李四\",\"cardType\":\"1\",\"cardNo\":\"" + n1 + "\"}]"));
        assertThat(code(twice)).as(twice.toString()).isEqualTo("1004");
        assertThat(twice.get("header").get("resultMessage").asText()).doesNotContain(n1);
    }

    @Test
    void dateLevelInventoryIsPushedSignedWhenItChanges() {
        notices.clear();
        ts.server.adapters().ctripNotices.pushInventory();
        ts.server.webhooks().deliverDue();
        List<JsonNode> pushes = notices.stream()
                .filter(n -> n.get("header").get("serviceName").asText().equals("DateInventoryModify"))
                .toList();
        assertThat(pushes).isNotEmpty().allMatch(n -> CtripClient.signedBy(n, KEY));
        assertThat(pushes)
                .allMatch(n -> n.get("header").get("accountId").asText().equals(ACCOUNT));
        JsonNode solo = pushes.stream()
                .filter(n -> n.get("body").get("supplierOptionId").asText().equals("solo-child"))
                .findFirst()
                .orElseThrow()
                .get("body");
        assertThat(solo.get("inventorys")).hasSizeGreaterThan(1);

        // nothing changed: nothing pushed; one order later: only that date of that option's PLUs
        notices.clear();
        ts.server.adapters().ctripNotices.pushInventory();
        ts.server.webhooks().deliverDue();
        assertThat(notices).isEmpty();
        assertThat(code(ctrip.call(
                        "CreatePreOrder",
                        order("C-700", "[" + item("I-1", "tour-adult", "2026-06-05", 1) + "]", "[]"))))
                .isEqualTo("0000");
        ts.server.adapters().ctripNotices.pushInventory();
        ts.server.webhooks().deliverDue();
        assertThat(notices)
                .extracting(n -> n.get("body").get("supplierOptionId").asText())
                .containsExactlyInAnyOrder("tour-adult", "tour-child");
        for (JsonNode n : notices) {
            assertThat(n.get("body").get("inventorys")).hasSize(1);
            assertThat(n.get("body").get("inventorys").get(0).get("date").asText())
                    .isEqualTo("2026-06-05");
            assertThat(n.get("body").get("inventorys").get(0).get("quantity").asInt())
                    .isEqualTo(49);
        }
    }
}
