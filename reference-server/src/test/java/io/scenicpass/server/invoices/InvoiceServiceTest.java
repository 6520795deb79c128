package io.scenicpass.server.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.invoices.internal.CjkFont;
import io.scenicpass.server.invoices.internal.DemoInvoiceProvider;
import io.scenicpass.server.invoices.store.InvoiceStore;
import io.scenicpass.server.sales.store.BookingStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invoice service on a real server: one invoice per booking, the PDF, refusals, encryption, retention. */
class InvoiceServiceTest {
    private static final InvoiceInput COMPANY =
            new InvoiceInput(" 杭州西湖景区票务有限公司 ", "91330100ab1234567x", "buyer@example.com");

    @TempDir
    Path dir;

    /** The fixture of these tests (H2 here; PostgreSQL in {@link InvoicesPostgresTest}). */
    InvoicesFixture open() {
        return InvoicesFixture.start(dir);
    }

    @Test
    void issuesOneInvoicePerBookingWithItsPdf() {
        try (InvoicesFixture f = open()) {
            String b = f.paidBooking("b-1");
            InvoiceService s = f.ts.server.invoices().invoices;
            Invoice first = s.request(b, COMPANY, Invoice.Source.KIOSK);
            assertThat(first.state()).isEqualTo(Invoice.State.ISSUED);
            assertThat(first.number()).isEqualTo("DEMO-" + first.id());
            assertThat(first.totalFen()).isEqualTo(25000);
            assertThat(first.mail()).isEqualTo(Invoice.MailState.OFF);
            // a second request (other data) answers the first
            Invoice again = s.request(b, new InvoiceInput("张三", null, "z@example.com"), Invoice.Source.VISITOR);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.number()).isEqualTo(first.number());
            assertThat(s.list(b, 10)).hasSize(1);

            String text = InvoicesFixture.text(s.pdf(first.id()));
            assertThat(text)
                    .contains("杭州西湖景区票务有限公司")
                    .contains("91330100AB1234567X")
                    .contains(first.number())
                    .contains("250.00")
                    .contains(f.reference(b))
                    .contains("Product tour")
                    .contains("2 × 100.00 = 200.00")
                    .contains("1 × 50.00 = 50.00");
        }
    }

    @Test
    void refusesBadInputUnpaidAndUnknownBookingsStoringNothing() {
        try (InvoicesFixture f = open()) {
            String paid = f.paidBooking("b-1");
            String held = f.held("b-2");
            InvoiceService s = f.ts.server.invoices().invoices;
            assertThatThrownBy(() -> s.request(paid, new InvoiceInput(" ", null, "a@b.cn"), Invoice.Source.KIOSK))
                    .isInstanceOfSatisfying(
                            InvoiceInput.Refused.class,
                            e -> assertThat(e.field).isEqualTo(InvoiceInput.Field.BUYER_TITLE));
            assertThatThrownBy(() -> s.request(paid, new InvoiceInput("张三", "12345", "a@b.cn"), Invoice.Source.KIOSK))
                    .isInstanceOfSatisfying(
                            InvoiceInput.Refused.class,
                            e -> assertThat(e.field).isEqualTo(InvoiceInput.Field.TAX_NUMBER));
            assertThatThrownBy(() -> s.request(paid, new InvoiceInput("张三", null, "a@b"), Invoice.Source.KIOSK))
                    .isInstanceOfSatisfying(
                            InvoiceInput.Refused.class, e -> assertThat(e.field).isEqualTo(InvoiceInput.Field.EMAIL));
            assertThatThrownBy(() -> s.request(held, COMPANY, Invoice.Source.KIOSK))
                    .isInstanceOfSatisfying(
                            ServiceException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.UNPROCESSABLE_ENTITY));
            assertThatThrownBy(() -> s.request("nope", COMPANY, Invoice.Source.KIOSK))
                    .isInstanceOfSatisfying(
                            ServiceException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_BOOKING_UUID));
            assertThat(s.list(null, 10)).isEmpty();
        }
    }

    @Test
    void contactDataIsEncryptedAtRestMaskedInAnswersAndErasedAfterRetention() {
        try (InvoicesFixture f = open()) {
            String b = f.paidBooking("b-1");
            InvoiceService s = f.ts.server.invoices().invoices;
            Invoice inv = s.request(b, COMPANY, Invoice.Source.KIOSK);
            assertThat(inv.buyerTitle()).isEqualTo("杭" + "*".repeat(11));
            assertThat(inv.taxNumber()).isEqualTo("9133**********567X");
            assertThat(inv.email()).isEqualTo("b***@example.com");
            List<String> raw = f.ts.server
                    .database()
                    .read(c -> Jdbc.one(
                                    c,
                                    "SELECT buyer_title, tax_number, email, pdf FROM invoice WHERE id=?",
                                    rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                                    inv.id())
                            .orElseThrow());
            assertThat(String.join("|", raw))
                    .doesNotContain("杭州")
                    .doesNotContain("567X")
                    .doesNotContain("buyer@")
                    .doesNotContain("JVBER"); // base64 of "%PDF"

            f.clock().advance(Duration.ofDays(29));
            assertThat(s.eraseExpired()).isZero();
            f.clock().advance(Duration.ofDays(2));
            assertThat(s.eraseExpired()).isEqualTo(1);
            Invoice erased = s.get(inv.id());
            assertThat(erased.buyerTitle()).isNull();
            assertThat(erased.taxNumber()).isNull();
            assertThat(erased.email()).isNull();
            assertThat(erased.erasedAt()).isNotNull();
            assertThat(erased.number()).isEqualTo(inv.number());
            assertThat(erased.totalFen()).isEqualTo(25000);
            assertThatThrownBy(() -> s.pdf(inv.id()))
                    .isInstanceOfSatisfying(
                            ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThat(s.erase(inv.id())).isFalse(); // already erased
        }
    }

    /** A provider that fails, then answers: the invoice stays ISSUING, the retry finishes it with the first data. */
    @Test
    void aProviderFailureIsFinishedByTheNextRequestWithTheSameInvoiceId() {
        try (InvoicesFixture f = open()) {
            String b = f.paidBooking("b-1");
            DemoInvoiceProvider demo =
                    new DemoInvoiceProvider(CjkFont.find(null).orElseThrow());
            AtomicInteger calls = new AtomicInteger();
            List<String> ids = new ArrayList<>();
            InvoiceProvider flaky = new InvoiceProvider() {
                @Override
                public String name() {
                    return "flaky";
                }

                @Override
                public Issued issue(Request r) {
                    ids.add(r.invoiceId());
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("timed out");
                    }
                    return demo.issue(r);
                }
            };
            InvoiceService s = service(f, flaky);
            assertThatThrownBy(() -> s.request(b, COMPANY, Invoice.Source.KIOSK))
                    .isInstanceOfSatisfying(
                            ServiceException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE));
            assertThat(s.forBooking(b).orElseThrow().state()).isEqualTo(Invoice.State.ISSUING);
            Invoice done = s.request(b, new InvoiceInput("李四", null, "l@example.com"), Invoice.Source.VISITOR);
            assertThat(done.state()).isEqualTo(Invoice.State.ISSUED);
            assertThat(done.buyerTitle()).startsWith("杭"); // the first request's data
            assertThat(ids).hasSize(2).containsOnly(done.id());
        }
    }

    @Test
    void concurrentRequestsMakeOneInvoice() throws Exception {
        try (InvoicesFixture f = open()) {
            String b = f.paidBooking("b-1");
            InvoiceService s = f.ts.server.invoices().invoices;
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Invoice>> all = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        return s.request(b, COMPANY, Invoice.Source.KIOSK);
                    }));
                }
                go.countDown();
                for (Future<Invoice> one : all) {
                    Invoice inv = one.get();
                    assertThat(inv.state()).isEqualTo(Invoice.State.ISSUED);
                    assertThat(inv.number()).isEqualTo(all.get(0).get().number());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(s.list(null, 10)).hasSize(1);
        }
    }

    private static InvoiceService service(InvoicesFixture f, InvoiceProvider provider) {
        var server = f.ts.server;
        return new InvoiceService(
                server.database(),
                new InvoiceStore(),
                new BookingStore(server.database().dialect()),
                server.identity().keys,
                provider,
                "unavailable",
                null,
                InvoiceSettings.of(Map.of()),
                "Test park",
                f.clock(),
                new io.scenicpass.core.Ids(f.clock(), new java.security.SecureRandom()));
    }
}
