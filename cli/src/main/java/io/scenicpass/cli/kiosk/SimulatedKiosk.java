package io.scenicpass.cli.kiosk;

import io.scenicpass.cli.gate.Enrollment;
import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.counter.BoxOfficeDesk;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.counter.Holder;
import io.scenicpass.terminal.counter.PickUp;
import io.scenicpass.terminal.counter.PickUpDesk;
import io.scenicpass.terminal.counter.PrintReport;
import io.scenicpass.terminal.counter.Sale;
import io.scenicpass.terminal.counter.SaleOrder;
import io.scenicpass.terminal.counter.Ticket;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * A kiosk with simulated devices: enrollment (once, kept in {@code device.json}), a {@link Counter}, an order being
 * put together (product, slot, tickets, the holders' documents from the simulated ID reader) and a
 * {@link SimulatedTicketPrinter} writing ESC/POS to a file. Each method answers with the fields of one event.
 */
public final class SimulatedKiosk implements AutoCloseable {
    private final Enrollment enrollment;
    private final Counter counter;
    private final PickUpDesk pickUps;
    private final SimulatedTicketPrinter printer;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration paymentTimeout;
    private final BoxOfficeDesk desk; // a box office's shift, cash and refunds (a kiosk's are refused by the server)
    private final BoxOfficeLines boxOffice;
    private CatalogueDay day;
    private String productId;
    private String slotId;
    private final List<String> units = new ArrayList<>();
    private final List<Holder> holders = new ArrayList<>();
    private Sale sale;

    /**
     * @param dataDir credentials and the list of paper waiting for the printer
     * @param serverUrl server base URL (null: the enrolled one)
     * @param token enrollment token (first run)
     * @param printerOut the file the printer appends ESC/POS to
     * @param paymentTimeout how long to wait for a payment's outcome before giving the sale up
     */
    public SimulatedKiosk(Path dataDir, String serverUrl, String token, Path printerOut, Duration paymentTimeout) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.enrollment = Enrollment.open(dataDir, serverUrl, token, http, "simulated kiosk");
        this.clock = Clock.systemUTC();
        this.zone = ZoneId.of("Asia/Shanghai");
        this.paymentTimeout = paymentTimeout;
        this.printer = new SimulatedTicketPrinter("kiosk-printer", clock, printerOut, EscPosEncoder.defaults());
        printer.start();
        this.counter = Counter.builder()
                .credentials(enrollment.credentials)
                .printer(printer)
                .httpClient(http)
                .clock(clock)
                .zone(zone)
                .pendingFile(dataDir.resolve("pending-prints"))
                .build();
        this.pickUps = PickUpDesk.of(counter);
        this.desk = BoxOfficeDesk.of(counter);
        this.boxOffice = new BoxOfficeLines(desk);
    }

    /** @return the kiosk's counter client (the touch UI sells through it too) */
    public Counter counter() {
        return counter;
    }

    /** @return the box office's commands (login, refund, close) */
    public BoxOfficeLines boxOffice() {
        return boxOffice;
    }

    /** @return the kiosk's clock */
    public Clock clock() {
        return clock;
    }

    /** @return the park's time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return the enrollment */
    public Enrollment enrollment() {
        return enrollment;
    }

    /** {@code catalogue [DATE]}: what is on sale (today by default). */
    public Map<String, Object> catalogue(String date) {
        day = date.isEmpty() ? counter.catalogue() : counter.catalogue(LocalDate.parse(date));
        List<Object> products = new ArrayList<>();
        for (CatalogueDay.Product p : day.products()) {
            List<Object> units = new ArrayList<>();
            p.units().forEach(u -> units.add(map("id", u.id(), "name", u.name(), "priceFen", u.priceFen())));
            List<Object> slots = new ArrayList<>();
            p.slots()
                    .forEach(s -> slots.add(
                            map("id", s.id(), "start", String.valueOf(s.start()), "remaining", s.remaining())));
            products.add(map("id", p.id(), "name", p.name(), "realName", p.realName(), "units", units, "slots", slots));
        }
        return map("date", day.date().toString(), "products", products);
    }

    /** {@code choose PRODUCT [SLOT]}: starts a new order (default slot: the first with places left). */
    public Map<String, Object> choose(String product, String slot) {
        if (day == null) {
            catalogue("");
        }
        CatalogueDay.Product p = day.product(product)
                .orElseThrow(() -> new IllegalArgumentException("no product " + product + " on " + day.date()));
        CatalogueDay.Slot s = slot.isEmpty()
                ? p.slots().stream()
                        .filter(x -> x.remaining() > 0)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no slot with places left"))
                : p.slot(slot).orElseThrow(() -> new IllegalArgumentException("no slot " + slot));
        productId = p.id();
        slotId = s.id();
        units.clear();
        holders.clear();
        sale = null;
        return map(
                "productId",
                productId,
                "slotId",
                slotId,
                "start",
                String.valueOf(s.start()),
                "realName",
                p.realName(),
                "remaining",
                s.remaining());
    }

    /** {@code add UNIT [N]}: N tickets of a unit. */
    public Map<String, Object> add(String unit, int n) {
        requireOrder();
        for (int i = 0; i < n; i++) {
            units.add(unit);
        }
        return cart();
    }

    /** The simulated ID reader or passport MRZ: the holder of the next ticket without one. */
    public Map<String, Object> document(DocumentType type, String number, String name, LocalDate born, String country) {
        requireOrder();
        Holder h = Holder.of(type, number, name, born);
        holders.add(country == null ? h : h.withCountry(country));
        return cart();
    }

    /** {@code sell}: books the order (the same order again returns the same sale). */
    public Map<String, Object> sell() {
        requireOrder();
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no tickets yet: add UNIT [N]");
        }
        SaleOrder.Builder b = SaleOrder.builder(productId, slotId);
        if (sale != null) {
            b.saleId(sale.saleId()); // a retry of the same order
        }
        for (int i = 0; i < units.size(); i++) {
            if (i < holders.size()) {
                b.item(units.get(i), holders.get(i));
            } else {
                b.item(units.get(i));
            }
        }
        sale = desk.shiftId().isPresent() ? desk.sell(b) : counter.sell(b.build()); // a box office sells in its shift
        return sale(sale);
    }

    /** {@code paycode:CODE}: the scanner read the visitor's payment code; waits for the outcome, prints when paid. */
    public Map<String, Object> payByCode(String code) {
        return settle(counter.payByCode(requireSale(), code));
    }

    /** {@code cash [TENDERED_YUAN]}: the box office takes cash (default: the exact amount), prints the tickets. */
    public Map<String, Object> cash(String tenderedYuan) {
        String id = requireSale();
        return settle(desk.payCash(id, tenderedYuan.isEmpty() ? sale.amountFen() : BoxOfficeLines.fen(tenderedYuan)));
    }

    /** {@code refund SALE|- REASON}: refunds a sale of the box office ({@code -}: the last sale, for scripts). */
    public Map<String, Object> refund(String saleId, String reason) {
        return boxOffice.refund("-".equals(saleId) ? requireSale() : saleId, reason);
    }

    /** {@code pay-qr}: a payment QR for the visitor's phone (then {@code await}). */
    public Map<String, Object> payByQr() {
        sale = counter.payNative(requireSale());
        return sale(sale);
    }

    /** {@code await}: waits for the payment's outcome, prints when paid, gives the sale up at the timeout. */
    public Map<String, Object> await() {
        return settle(counter.sale(requireSale()));
    }

    /** {@code cancel}: gives the sale up. */
    public Map<String, Object> cancel() {
        sale = counter.cancel(requireSale());
        Map<String, Object> m = sale(sale);
        if (sale.paid()) { // paid just before the cancel arrived: the visitor gets the tickets
            m.put("print", print(counter.print(sale)));
        }
        return m;
    }

    /** {@code pickup id:…|passport:…}: the holder's pre-booked bookings; prints each printable one once. */
    public Map<String, Object> pickUp(DocumentType type, String number, String name, LocalDate born, String country) {
        Holder h = Holder.of(type, number, name, born);
        return pickUp(pickUps.lookup(country == null ? h : h.withCountry(country)));
    }

    /** {@code pickup code:CODE}: the bookings a typed booking code stands for; prints each printable one once. */
    public Map<String, Object> pickUp(String bookingCode) {
        if (bookingCode.isBlank()) {
            throw new IllegalArgumentException("expected pickup code:<booking code>");
        }
        return pickUp(pickUps.lookup(bookingCode));
    }

    private Map<String, Object> pickUp(List<PickUp> found) {
        List<Object> bookings = new ArrayList<>();
        int printed = 0;
        for (PickUp b : found) {
            Map<String, Object> m = map("bookingId", b.bookingId(), "bookingCode", b.bookingCode(), "state", b.state());
            m.put("visitDate", b.visitDate().toString());
            m.put("tickets", b.tickets().size());
            PickUpDesk.Result r = b.printable() ? pickUps.print(b) : null;
            if (r == null) {
                m.put("refused", b.refusalCode().orElse(""));
            } else {
                m.put("outcome", r.outcome().name());
                r.failure()
                        .ifPresent(f ->
                                m.put("failure", f.failure().map(Enum::name).orElse("") + " " + f.message()));
                printed += r.printed();
            }
            bookings.add(m);
        }
        return map(
                "bookings",
                bookings,
                "printed",
                printed,
                "file",
                printer.output().toString());
    }

    /** {@code printer ready|paper-out|cover-open}: the simulated printer's state. */
    public Map<String, Object> printer(String state) {
        PrinterStatus s =
                PrinterStatus.valueOf(state.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        printer.setStatus(s);
        return map("printer", s.name(), "pendingSales", counter.pendingSales());
    }

    /** {@code reprint}: prints what waits for the printer. */
    public Map<String, Object> reprint() {
        return print(counter.printPending());
    }

    /** {@code status}. */
    public Map<String, Object> status() {
        Map<String, Object> m = map(
                "deviceId",
                enrollment.credentials.deviceId(),
                "printer",
                printer.status().name());
        m.put("pendingSales", counter.pendingSales());
        m.put("printerOut", printer.output().toString());
        if (sale != null) {
            m.put("sale", sale(sale));
        }
        return m;
    }

    private Map<String, Object> settle(Sale started) {
        sale = desk.track(started);
        if (sale.state() == Sale.State.AWAITING_PAYMENT) {
            sale = desk.track(counter.awaitPayment(sale.saleId(), paymentTimeout));
        }
        if (sale.state() == Sale.State.AWAITING_PAYMENT) {
            sale = counter.cancel(sale.saleId()); // the visitor walked away: release the places
        }
        Map<String, Object> m = sale(sale);
        if (sale.paid()) {
            m.put("print", print(counter.print(sale)));
        }
        return m;
    }

    private Map<String, Object> print(PrintReport r) {
        Map<String, Object> m = map(
                "printed",
                r.printed(),
                "pending",
                r.pending(),
                "file",
                printer.output().toString());
        r.failure().ifPresent(f -> m.put("failure", f.failure().map(Enum::name).orElse("") + " " + f.message()));
        return m;
    }

    private Map<String, Object> cart() {
        return map("productId", productId, "slotId", slotId, "tickets", units, "documents", holders.size());
    }

    private static Map<String, Object> sale(Sale s) {
        Map<String, Object> m = map("saleId", s.saleId(), "state", s.state().name(), "amountFen", s.amountFen());
        m.put("bookingCode", s.bookingCode());
        s.payment().ifPresent(p -> {
            m.put("payment", p.state());
            p.codeUrl().ifPresent(u -> m.put("codeUrl", u));
        });
        List<Object> tickets = new ArrayList<>();
        for (Ticket t : s.tickets()) {
            Map<String, Object> tm = map("passId", t.passId(), "unit", t.unitName());
            t.holder().ifPresent(h -> tm.put("holder", h));
            tickets.add(tm);
        }
        m.put("tickets", tickets);
        return m;
    }

    private void requireOrder() {
        if (productId == null) {
            throw new IllegalArgumentException("no order yet: choose PRODUCT [SLOT]");
        }
    }

    private String requireSale() {
        if (sale == null) {
            throw new IllegalArgumentException("no sale yet: sell first");
        }
        return sale.saleId();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        printer.close();
    }
}
