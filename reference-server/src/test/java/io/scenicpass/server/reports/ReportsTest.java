package io.scenicpass.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports on a small data set whose numbers are worked out by hand (prices: adult 100.00 retail / 90.00 net,
 * child 50.00 / 45.00; the partner's adult 100.00 / 80.00). On 2026-06-01: ota-a sells A1 (2 adults + 1 child) and
 * A2 (1 adult), partner-b P1 (2 adults), the box office 1 adult for cash; a hold is never confirmed. On 06-02: A2 is
 * cancelled, one adult of P1 refunded. On 06-05 two passes of A1 enter (one of them
 * twice: an over-use, not a second redemption).
 * The tests only read: one server for all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {
    static final String VISIT = "2026-06-05T10:00:00+08:00";

    @TempDir
    static Path dir;

    TestServer ts;
    CounterFixture counter;
    String ota;
    String partner;
    List<String> a1Passes;

    @BeforeAll
    void sellAndRefund() {
        ts = TestServer.h2(dir);
        counter = new CounterFixture(ts);
        ota = ts.channel("ota-a", 1000, 1000, null);
        ts.server.channels().create(new Channel("partner-b", "Hotel desk", "PARTNER", null, null, 100, 100, true));
        partner = "key-partner-b";
        ts.server.channels().addKey("partner-b", partner, "test");
        ts.server.catalogue().setPrice("tour-adult", "partner-b", 10000, 8000);

        a1Passes = book(ota, "A1", "tour-adult", "tour-adult", "tour-child");
        book(ota, "A2", "tour-adult");
        List<String> p1 = book(partner, "P1", "tour-adult", "tour-adult");
        assertThat(ts.post("/octo/bookings", ota, TestServer.reserve("A3", "tour", VISIT, "tour-adult"))
                        .status())
                .isEqualTo(200); // held, never confirmed: not a sale
        String sale = counter.sellAtDesk("tour-adult");
        counter.pay(counter.boxOffice, sale, "{\"method\":\"CASH\",\"tenderedFen\":10000}");
        String shift = counter.as(counter.boxOffice, "GET", "/terminal/v1/counter/shifts/current", null)
                .json()
                .get("shiftId")
                .asText();
        TestServer.Answer closed = counter.as(
                counter.boxOffice,
                "POST",
                "/terminal/v1/counter/shifts/" + shift + "/close",
                "{\"countedCashFen\":9900}"); // one yuan short
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        ts.clock.advance(Duration.ofDays(1)); // 2026-06-02 08:00 in the park
        TestServer.Answer cancelled = ts.post("/octo/bookings/A2/cancel", ota, "{\"reason\":\"plans changed\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        Channel partnerB = ts.server.channels().find("partner-b").orElseThrow();
        ts.server
                .database()
                .tx(c -> ts.server
                        .passCancellation()
                        .cancel(c, partnerB, "P1", List.of(p1.get(1)), "one guest fewer", ts.clock.instant()));

        ts.clock.set(Instant.parse("2026-06-05T02:30:00Z")); // 10:30 on the day of the visit
        DeviceRow gate = new DeviceRow("dev-r", "Gate", "SP", "gate-a", false, ts.clock.instant(), null, null);
        Instant t = ts.clock.instant();
        EntryBatch batch = new EntryBatch(
                "dev-r",
                List.of(
                        TerminalFixtures.admit(a1Passes.get(0), "dev-r", "gate-a", t),
                        TerminalFixtures.admit(a1Passes.get(1), "dev-r", "gate-a", t.plusSeconds(60)),
                        TerminalFixtures.admit(a1Passes.get(0), "dev-r", "gate-a", t.plusSeconds(3600))));
        var acks = ts.server.entries().ingest(gate, batch).results();
        assertThat(acks.get(0).status()).isEqualTo(EntryAckStatus.ACCEPTED);
        assertThat(acks.get(1).status()).isEqualTo(EntryAckStatus.ACCEPTED);
        assertThat(acks.get(2).status()).isEqualTo(EntryAckStatus.OVERUSE_CONFLICT); // a single-use pass again
    }

    @AfterAll
    void stop() {
        ts.close();
    }

    @Test
    void salesAndRefundsByDayProductAndChannel() {
        JsonNode lines =
                json("/admin/v1/reports/sales?from=2026-06-01&to=2026-06-05").get("lines");
        assertThat(lines).hasSize(5);
        // day, channel, sold bookings, places, retail, net; refunded places, retail, net
        assertSales(lines.get(0), "2026-06-01", "counter", 1, 1, 10000, 9000, 0, 0, 0);
        assertSales(lines.get(1), "2026-06-01", "ota-a", 2, 4, 35000, 31500, 0, 0, 0);
        // sold as sold: the partial refund of the next day does not shrink the sale
        assertSales(lines.get(2), "2026-06-01", "partner-b", 1, 2, 20000, 16000, 0, 0, 0);
        assertSales(lines.get(3), "2026-06-02", "ota-a", 0, 0, 0, 0, 1, 10000, 9000);
        assertSales(lines.get(4), "2026-06-02", "partner-b", 0, 0, 0, 0, 1, 10000, 8000);
        assertThat(lines.get(1).get("productName").asText()).isEqualTo("Product tour");
        assertThat(lines.get(2).get("channelName").asText()).isEqualTo("Hotel desk");
        // the default period is today (06-05): nothing sold or refunded
        assertThat(json("/admin/v1/reports/sales").get("lines")).isEmpty();
    }

    @Test
    void settlementIsSoldMinusRefundedAtTheChannelsNetPrices() {
        JsonNode lines =
                json("/admin/v1/settlement?from=2026-06-01&to=2026-06-30").get("lines");
        assertThat(lines).hasSize(3);
        assertSettlement(lines.get(0), "counter", "DIRECT", 9000, 0, 9000);
        assertSettlement(lines.get(1), "ota-a", "OTA", 31500, 9000, 22500);
        assertSettlement(lines.get(2), "partner-b", "PARTNER", 16000, 8000, 8000);
        // a period with only refunds of earlier sales: the channel is owed money back
        JsonNode june2 =
                json("/admin/v1/settlement?from=2026-06-02&to=2026-06-02").get("lines");
        assertSettlement(june2.get(0), "ota-a", "OTA", 0, 9000, -9000);
        assertSettlement(june2.get(1), "partner-b", "PARTNER", 0, 8000, -8000);
    }

    @Test
    void redemptionsAreFirstEntriesByDay() {
        JsonNode lines = json("/admin/v1/reports/redemptions?from=2026-06-01&to=2026-06-05")
                .get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("day").asText()).isEqualTo("2026-06-05");
        assertThat(lines.get(0).get("channelId").asText()).isEqualTo("ota-a");
        assertThat(lines.get(0).get("passes").asLong()).isEqualTo(2); // the second entry of a pass is no redemption
        assertThat(lines.get(0).get("persons").asLong()).isEqualTo(2);
    }

    @Test
    void shiftClosesCarryTheCashUp() {
        JsonNode lines =
                json("/admin/v1/reports/shifts?from=2026-06-01&to=2026-06-01").get("lines");
        assertThat(lines).hasSize(1);
        JsonNode s = lines.get(0);
        assertThat(s.get("cashierName").asText()).isEqualTo("Desk");
        assertThat(s.get("salesCount").asLong()).isEqualTo(1);
        assertThat(s.get("salesFen").asLong()).isEqualTo(10000);
        assertThat(s.get("expectedCashFen").asLong()).isEqualTo(10000);
        assertThat(s.get("countedCashFen").asLong()).isEqualTo(9900);
        assertThat(s.get("differenceFen").asLong()).isEqualTo(-100);
        assertThat(s.get("balanced").asBoolean()).isFalse();
    }

    @Test
    void settlementExportsAsARealSpreadsheetAndAsCsv() throws Exception {
        TestServer.Answer head = ts.send(
                "GET",
                "/admin/v1/settlement?from=2026-06-01&to=2026-06-30&format=xlsx",
                TestServer.ADMIN,
                null,
                Map.of());
        assertThat(head.headers().get("content-disposition")).contains("settlement-2026-06-01_2026-06-30.xlsx");
        byte[] xlsx = ts.getBytes("/admin/v1/settlement?from=2026-06-01&to=2026-06-30&format=xlsx", TestServer.ADMIN);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("settlement");
            Row top = sheet.getRow(0);
            assertThat(top.getCell(0).getStringCellValue()).isEqualTo("channel_id");
            assertThat(top.getCell(9).getStringCellValue()).isEqualTo("owed_net");
            Row ota = sheet.getRow(2);
            assertThat(ota.getCell(0).getStringCellValue()).isEqualTo("ota-a");
            assertThat(ota.getCell(5).getNumericCellValue()).isEqualTo(4.0); // sold places
            assertThat(ota.getCell(6).getNumericCellValue()).isEqualTo(315.00); // yuan, a number
            assertThat(ota.getCell(9).getNumericCellValue()).isEqualTo(225.00);
            assertThat(ota.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(3).getCell(9).getNumericCellValue()).isEqualTo(80.00);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
        byte[] sales =
                ts.getBytes("/admin/v1/reports/sales?from=2026-06-01&to=2026-06-05&format=xlsx", TestServer.ADMIN);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sales))) {
            var day = wb.getSheet("sales").getRow(1).getCell(0);
            assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
            assertThat(day.getLocalDateTimeCellValue().toLocalDate()).hasToString("2026-06-01");
        }

        String csv = new String(
                ts.getBytes("/admin/v1/settlement?from=2026-06-01&to=2026-06-30&format=csv", TestServer.ADMIN),
                StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "\uFEFFchannel_id,channel,kind,currency,sold_bookings,sold_places,sold_net,refunded_places,"
                                + "refunded_net,owed_net,sold_retail,refunded_retail",
                        "counter,\"售票处 Counter (kiosks, box office)\",DIRECT,CNY,1,1,90.00,0,0.00,90.00,100.00,0.00",
                        "ota-a,ota-a,OTA,CNY,2,4,315.00,1,90.00,225.00,350.00,100.00",
                        "partner-b,Hotel desk,PARTNER,CNY,1,2,160.00,1,80.00,80.00,200.00,100.00",
                        "", // then the package partners' section (none sold here: its heading only)
                        "partner_id,partner,currency,sold_parts,sold_places,sold_net,cancelled_places,cancelled_net,"
                                + "owed_net");
    }

    @Test
    void badQueriesGetTypedErrors() {
        for (String q : new String[] {
            "/admin/v1/settlement?from=yesterday",
            "/admin/v1/settlement?from=2026-06-02&to=2026-06-01",
            "/admin/v1/settlement?from=2020-01-01&to=2026-01-01",
            "/admin/v1/settlement?format=pdf"
        }) {
            TestServer.Answer a = ts.get(q, TestServer.ADMIN);
            assertThat(a.status()).as(q).isEqualTo(400);
            assertThat(a.json().get("code").asText()).as(q).isEqualTo("BAD_REQUEST");
        }
        TestServer.Answer unknown = ts.get("/admin/v1/reports/profits", TestServer.ADMIN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(ts.get("/admin/v1/settlement", null).status()).isEqualTo(401);
    }

    @Test
    void settlementNeedsItsOwnRight() {
        var ops = ts.server.console().operators;
        String marketing = ops.createToken(
                        ops.create("mia", "Mia", io.scenicpass.server.console.Role.MARKETING, "a long password 1")
                                .id(),
                        "reports")
                .token();
        String finance = ops.createToken(
                        ops.create("fen", "Fen", io.scenicpass.server.console.Role.FINANCE, "a long password 2")
                                .id(),
                        "reports")
                .token();
        assertThat(ts.get("/admin/v1/reports/sales?from=2026-06-01", marketing).status())
                .isEqualTo(200);
        TestServer.Answer refused = ts.get("/admin/v1/settlement?from=2026-06-01", marketing);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(ts.get("/admin/v1/settlement?from=2026-06-01&format=xlsx", finance)
                        .status())
                .isEqualTo(200);
    }

    private JsonNode json(String path) {
        TestServer.Answer a = ts.get(path, TestServer.ADMIN);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** Reserves and confirms {@code units} of "tour" on the visit day; the pass ids in unit order. */
    private List<String> book(String key, String uuid, String... units) {
        TestServer.Answer held = ts.post("/octo/bookings", key, TestServer.reserve(uuid, "tour", VISIT, units));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        List<String> passes = new ArrayList<>();
        ok.json()
                .get("unitItems")
                .forEach(i -> passes.add(PassCodec.decode(i.get("ticket")
                                .get("deliveryOptions")
                                .get(0)
                                .get("deliveryValue")
                                .asText())
                        .claims()
                        .passId()));
        return passes;
    }

    private static void assertSales(
            JsonNode l,
            String day,
            String channel,
            long bookings,
            long places,
            long retail,
            long net,
            long refPlaces,
            long refRetail,
            long refNet) {
        assertThat(l.get("day").asText()).as(l.toString()).isEqualTo(day);
        assertThat(l.get("productId").asText()).isEqualTo("tour");
        assertThat(l.get("channelId").asText()).as(l.toString()).isEqualTo(channel);
        assertThat(List.of(
                        l.get("soldBookings").asLong(),
                        l.get("soldPlaces").asLong(),
                        l.get("soldRetailFen").asLong(),
                        l.get("soldNetFen").asLong(),
                        l.get("refundedPlaces").asLong(),
                        l.get("refundedRetailFen").asLong(),
                        l.get("refundedNetFen").asLong()))
                .as(l.toString())
                .containsExactly(bookings, places, retail, net, refPlaces, refRetail, refNet);
    }

    private static void assertSettlement(JsonNode l, String channel, String kind, long sold, long refunded, long owed) {
        assertThat(l.get("channelId").asText()).as(l.toString()).isEqualTo(channel);
        assertThat(l.get("kind").asText()).isEqualTo(kind);
        assertThat(List.of(
                        l.get("soldNetFen").asLong(),
                        l.get("refundedNetFen").asLong(),
                        l.get("owedNetFen").asLong()))
                .as(l.toString())
                .containsExactly(sold, refunded, owed);
    }
}
