package io.scenicpass.cli;

import static io.scenicpass.cli.CliRun.all;
import static io.scenicpass.cli.CliRun.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.terminal.document.ChineseIdNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script path of {@code scenicpass kiosk} against the REAL reference server (child JVM from the shaded jar): buy
 * a real-name ticket with the simulated ID reader and payment-code scanner, take the printed pass with
 * {@code scenicpass printed}, walk it through {@code scenicpass gate}; a paper-out keeps the tickets for a reprint.
 */
@Tag("slow")
class KioskCommandTest {
    static final String VISITOR = cnId("34010219880520001");
    static final String SECOND = cnId("34010219900314002");

    @TempDir
    static Path dir;

    private static ReferenceServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ReferenceServerProcess.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void aScriptBuysATicketTakesThePrintedPassAndWalksItThroughTheGate() throws Exception {
        Path paper = dir.resolve("tickets.bin");
        List<JsonNode> out = kiosk(
                String.join(
                        "\n",
                        "catalogue",
                        "choose park-entry",
                        "add park-entry-adult",
                        "id:" + VISITOR + "/王强",
                        "sell",
                        "paycode:134567890123456789",
                        "frobnicate",
                        "quit"),
                "--server",
                server.baseUrl,
                "--enroll",
                server.enrollmentCode("gate-north", "KIOSK"),
                "--data",
                dir.resolve("kiosk").toString(),
                "--printer-out",
                paper.toString());

        assertThat(first(out, "ready").path("enrolled").asText()).isEqualTo("now");
        assertThat(first(out, "catalogue").path("products").toString()).contains("park-entry");
        JsonNode order = first(out, "order");
        assertThat(order.path("realName").asBoolean()).isTrue();
        List<JsonNode> sales = all(out, "sale");
        assertThat(sales.get(0).path("state").asText()).isEqualTo("AWAITING_PAYMENT");
        JsonNode paid = sales.get(1);
        assertThat(paid.path("state").asText()).as("%s", paid).isEqualTo("PAID");
        assertThat(paid.path("tickets")).hasSize(1);
        assertThat(paid.path("tickets").get(0).path("holder").asText())
                .startsWith("王*")
                .doesNotContain(VISITOR);
        assertThat(paid.path("print").path("printed").asInt()).isEqualTo(2); // the ticket and the receipt
        assertThat(first(out, "error").path("message").asText()).contains("frobnicate");

        CliRun printed = CliRun.run("", "printed", paper.toString());
        assertThat(printed.exit).as(printed.err).isZero();
        assertThat(printed.lines()).hasSize(1); // the receipt's QR (if any) is a web address, not a pass
        String pass = printed.lines().get(0);

        Instant start = Instant.parse(order.path("start").asText());
        CliRun gate = CliRun.run(
                pass + "\nquit\n",
                "gate",
                "--json",
                "--data",
                dir.resolve("gate").toString(),
                "--server",
                server.baseUrl,
                "--enroll",
                server.enrollmentCode("gate-north"),
                "--clock",
                start.plus(Duration.ofMinutes(30)).toString());
        assertThat(gate.exit).as(gate.err).isZero();
        JsonNode decision = first(gate.json(), "decision");
        assertThat(decision.path("verdict").asText()).as("%s", decision).isEqualTo("ADMIT");
        assertThat(decision.path("pass").path("passId").asText())
                .isEqualTo(paid.path("tickets").get(0).path("passId").asText());
    }

    @Test
    void aPaperOutKeepsThePaidTicketsForTheReprint() throws Exception {
        Path paper = dir.resolve("paper-out.bin");
        List<JsonNode> out = kiosk(
                String.join(
                        "\n",
                        "choose park-entry",
                        "add park-entry-adult",
                        "id:" + SECOND + "/李娜",
                        "sell",
                        "printer paper-out",
                        "paycode:134567890123456789",
                        "status",
                        "printer ready",
                        "reprint",
                        "quit"),
                "--server",
                server.baseUrl,
                "--enroll",
                server.enrollmentCode("gate-north", "KIOSK"),
                "--data",
                dir.resolve("kiosk-2").toString(),
                "--printer-out",
                paper.toString());

        JsonNode paid = all(out, "sale").get(1);
        assertThat(paid.path("state").asText()).isEqualTo("PAID");
        assertThat(paid.path("print").path("printed").asInt()).isZero();
        assertThat(paid.path("print").path("pending").asInt()).isEqualTo(2);
        assertThat(paid.path("print").path("failure").asText()).contains("PAPER");
        assertThat(first(out, "status").path("pendingSales").toString())
                .contains(paid.path("saleId").asText());
        JsonNode reprint = first(out, "print");
        assertThat(reprint.path("printed").asInt()).isEqualTo(2);
        assertThat(reprint.path("pending").asInt()).isZero();
        assertThat(CliRun.run("", "printed", paper.toString()).lines()).hasSize(1);
        assertThat(Files.size(paper)).isPositive();
    }

    @Test
    void aBoxOfficeCashierSellsForCashRefundsAndClosesBalanced() throws Exception {
        server.send(
                "POST",
                "/admin/v1/cashiers",
                "Bearer " + server.adminToken,
                ReferenceServerProcess.JSON.readTree("{\"id\":\"chen\",\"name\":\"陈静\",\"pin\":\"8642\"}"));
        List<JsonNode> out = kiosk(
                String.join(
                        "\n",
                        "login chen 1111 300",
                        "login chen 8642 300",
                        "catalogue "
                                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                        .plusDays(1),
                        "choose park-entry", // tomorrow: the slot has not started, a refund needs no supervisor
                        "add park-entry-adult 2",
                        "sell",
                        "cash 500",
                        "refund - visitor changed plans",
                        "close 300",
                        "quit"),
                "--server",
                server.baseUrl,
                "--enroll",
                server.enrollmentCode("gate-north", "BOX_OFFICE"),
                "--data",
                dir.resolve("box-office").toString(),
                "--printer-out",
                dir.resolve("box-office.bin").toString());

        assertThat(first(out, "refused").path("code").asText()).isEqualTo("WRONG_PIN");
        JsonNode shift = first(out, "shift");
        assertThat(shift.path("openingFloatFen").asLong()).isEqualTo(30_000);
        JsonNode paid = all(out, "sale").get(1);
        assertThat(paid.path("state").asText()).as("%s", paid).isEqualTo("PAID");
        assertThat(paid.path("print").path("printed").asInt()).isEqualTo(3); // two tickets and the receipt
        long amount = paid.path("amountFen").asLong();
        JsonNode refund = first(out, "refund");
        assertThat(refund.path("method").asText()).isEqualTo("CASH");
        assertThat(refund.path("amountFen").asLong()).isEqualTo(amount);
        JsonNode cashUp = first(out, "cashup");
        assertThat(cashUp.path("shiftId").asText())
                .isEqualTo(shift.path("shiftId").asText());
        assertThat(cashUp.path("salesByMethod").path("CASH").asLong()).isEqualTo(amount);
        assertThat(cashUp.path("refundsByMethod").path("CASH").asLong()).isEqualTo(amount);
        assertThat(cashUp.path("expectedCashFen").asLong()).isEqualTo(30_000);
        assertThat(cashUp.path("differenceFen").asLong()).isZero();
        assertThat(cashUp.path("mismatches")).isEmpty();
        assertThat(cashUp.path("balanced").asBoolean()).as("%s", cashUp).isTrue();
    }

    @Test
    void aScriptPicksUpAnOtaBookingByItsCodeAndPrintsItOnce() throws Exception {
        ReferenceServerProcess.Booked booked = server.book(2);
        Path paper = dir.resolve("pickup.bin");
        List<JsonNode> out = kiosk(
                String.join(
                        "\n",
                        "pickup code:" + booked.uuid,
                        "pickup code:" + booked.uuid,
                        "pickup code:NO-SUCH-BOOKING",
                        "pickup id:" + VISITOR,
                        "quit"),
                "--server",
                server.baseUrl,
                "--enroll",
                server.enrollmentCode("gate-north", "KIOSK"),
                "--data",
                dir.resolve("kiosk-3").toString(),
                "--printer-out",
                paper.toString());

        List<JsonNode> pickups = all(out, "pickup");
        assertThat(pickups).hasSize(3);
        JsonNode first = pickups.get(0).path("bookings").get(0);
        assertThat(first.path("outcome").asText()).as("%s", pickups.get(0)).isEqualTo("PRINTED");
        assertThat(pickups.get(0).path("printed").asInt()).isEqualTo(2);
        JsonNode again = pickups.get(1).path("bookings").get(0);
        assertThat(again.path("refused").asText()).isEqualTo("ALREADY_PRINTED");
        assertThat(pickups.get(1).path("printed").asInt()).isZero();
        assertThat(pickups.get(2).path("bookings")).isEmpty();
        assertThat(first(out, "error").path("message").asText()).contains("pickup id:<ID number>/<name>");
        assertThat(CliRun.run("", "printed", paper.toString()).lines())
                .as("the booking's passes, printed once")
                .containsExactlyElementsOf(booked.passes);
    }

    @Test
    void usageErrorsAreClear() {
        CliRun notEnrolled =
                CliRun.run("quit\n", "kiosk", "--data", dir.resolve("nowhere").toString());
        assertThat(notEnrolled.exit).isEqualTo(Main.USAGE);
        assertThat(notEnrolled.err).contains("not enrolled yet");
        CliRun notEscPos = CliRun.run("", "printed", dir.resolve("missing.bin").toString());
        assertThat(notEscPos.exit).isEqualTo(Main.USAGE);
        assertThat(notEscPos.err).contains("cannot read");
    }

    private static List<JsonNode> kiosk(String stdin, String... args) {
        List<String> a = new java.util.ArrayList<>(List.of("kiosk", "--json"));
        a.addAll(List.of(args));
        CliRun r = CliRun.run(stdin + "\n", a.toArray(new String[0]));
        assertThat(r.exit).as("exit code; stderr: %s", r.err).isZero();
        return r.json();
    }
}
