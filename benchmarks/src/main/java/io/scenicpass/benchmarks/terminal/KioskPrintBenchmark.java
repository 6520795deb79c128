package io.scenicpass.benchmarks.terminal;

import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleTickets;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The kiosk's own work from "payment confirmed" to "tickets printed": the server's PAID sale (JSON bytes as they
 * arrive) parsed, every ticket and the receipt laid out ({@link SaleTickets}) and encoded to ESC/POS by the
 * simulated printer, which writes them to {@code /dev/null} (no paper, no serial port). For 1 and 4 tickets. The
 * floor in the same run: the printer alone — the same, already laid-out tickets encoded and written.
 *
 * <p>Run: {@code java -jar benchmarks.jar 'terminal.KioskPrintBenchmark' -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class KioskPrintBenchmark {
    @Param({"1", "4"})
    public int tickets;

    byte[] saleJson;
    List<TicketLayout> laidOut;
    SaleTickets paper;
    SimulatedTicketPrinter printer;

    @Setup(Level.Trial)
    public void setUp() {
        saleJson = paidSale(tickets).getBytes(StandardCharsets.UTF_8);
        paper = new SaleTickets("ScenicPass 示范景区 Demo Park", ZoneId.of("Asia/Shanghai"));
        laidOut = paper.all(Sale.parse(saleJson));
        printer = new SimulatedTicketPrinter(
                "bench-printer", Clock.systemUTC(), Path.of("/dev/null"), EscPosEncoder.defaults());
        printer.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        printer.close();
    }

    /** Parse the sale, lay out its tickets and receipt, print them. */
    @Benchmark
    public int paidToPrinted() {
        Sale sale = Sale.parse(saleJson);
        int printed = 0;
        for (TicketLayout t : paper.all(sale)) {
            printed += print(t);
        }
        return printed;
    }

    /** The floor: the same tickets, already laid out, printed. */
    @Benchmark
    public int floorPrintOnly() {
        int printed = 0;
        for (TicketLayout t : laidOut) {
            printed += print(t);
        }
        return printed;
    }

    private int print(TicketLayout t) {
        PrintResult r = printer.print(t);
        if (!r.printed()) {
            throw new IllegalStateException("simulated printer failed: " + r);
        }
        return 1;
    }

    /** A PAID sale of the counter API with {@code n} real-name tickets whose passes are 170-character QR texts. */
    static String paidSale(int n) {
        Random random = new Random(17);
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder pass = new StringBuilder("SP1");
            while (pass.length() < 170) {
                pass.append((char) ('A' + random.nextInt(26)));
            }
            t.append(i == 0 ? "" : ",")
                    .append("{\"passId\":\"P")
                    .append(String.format("%015d", i))
                    .append("\",\"qrText\":\"")
                    .append(pass)
                    .append("\",\"unitId\":\"park-entry-adult\",\"unitName\":\"成人票 Adult\",\"holder\":{\"type\":"
                            + "\"CN_ID\",\"number\":\"3401**********0011\",\"name\":\"王*\",\"country\":\"CHN\"},"
                            + "\"productName\":\"Park entry 入园\",\"slotStart\":\"2026-12-06T09:00:00+08:00\"}");
        }
        return "{\"saleId\":\"0b7f3c52-5d8e-4c1a-9a47-2f7b7e0c9d11\",\"deviceId\":\"kiosk-1\",\"state\":\"PAID\","
                + "\"productId\":\"park-entry\",\"slotId\":\"park-entry-std|2026-12-06T09:00:00+08:00\","
                + "\"amountFen\":" + (12000L * n) + ",\"currency\":\"CNY\",\"bookingId\":\"b-1\","
                + "\"bookingCode\":\"BK7Q2XYZ\",\"expiresAt\":null,\"payment\":{\"id\":\"pay-1\",\"method\":\"CODE\","
                + "\"state\":\"SUCCEEDED\"},\"tickets\":[" + t + "],\"receipt\":null}";
    }
}
