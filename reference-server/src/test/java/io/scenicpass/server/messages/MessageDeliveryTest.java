package io.scenicpass.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.shop.account.Address;
import io.scenicpass.server.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Messages to shop visitors through the real server and a real SMTP server: the confirmation with its links, the
 * day-before reminder, warnings to a day's visitors, retries then FAILED, and no clear contact data in the log.
 */
class MessageDeliveryTest {
    static final String SLOT = "2026-06-05T10:00:00+08:00";

    @TempDir
    Path dir;

    @Test
    void aShopBookingConfirmedMailsTheVisitorWithTheTicketsAndUnsubscribeLinks() throws Exception {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of())) {
            long v = f.visitor("zoe@example.com", "en");
            String uuid = f.shopBooking("b-confirm-1", SLOT, v);

            assertThat(f.messages().deliverDue()).isEqualTo(1);

            MimeMessage m = only(f.mails());
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("zoe@example.com");
            assertThat(Mailbox.subject(m)).isEqualTo("Booking confirmed: Product tour on 2026-06-05");
            String body = Mailbox.body(m);
            assertThat(body).contains("2026-06-05 at 10:00");
            assertThat(body).contains("https://tickets.park.example/shop/orders/" + uuid);
            assertThat(body).containsPattern("https://tickets\\.park\\.example/shop/unsubscribe/" + v + "\\.");
            assertThat(m.getHeader("List-Unsubscribe")[0])
                    .startsWith("<https://tickets.park.example/shop/unsubscribe/");
            assertThat(f.messages().deliverDue()).isZero(); // sent once
        }
    }

    @Test
    void anotherChannelsBookingSendsNothing() {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of())) {
            f.ts.post(
                    "/octo/bookings",
                    f.key,
                    io.scenicpass.server.testing.TestServer.reserve("b-ota", "tour", SLOT, "tour-adult"));
            assertThat(f.ts.post("/octo/bookings/b-ota/confirm", f.key, "{}").status())
                    .isEqualTo(200);
            assertThat(outbox(f)).isZero();
        }
    }

    @Test
    void theReminderGoesOnceFromTheReminderHourOfTheDayBeforeInTheParksZone() throws Exception {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of())) {
            long v = f.visitor("li@example.com", "zh-CN");
            f.shopBooking("b-remind-1", SLOT, v);
            f.messages().deliverDue(); // the confirmation
            // 2026-06-04 09:59 in Shanghai: not yet
            f.ts.clock.set(Instant.parse("2026-06-04T01:59:00Z"));
            assertThat(f.messages().remindDue()).isZero();
            f.ts.clock.set(Instant.parse("2026-06-04T02:00:00Z"));
            assertThat(f.messages().remindDue()).isEqualTo(1);
            assertThat(f.messages().remindDue()).isZero(); // once per booking
            assertThat(f.messages().deliverDue()).isEqualTo(1);

            MimeMessage m = f.mails().get(1);
            assertThat(Mailbox.subject(m)).isEqualTo("明天入园：Product tour 10:00");
            assertThat(Mailbox.body(m))
                    .contains("/shop/orders/b-remind-1")
                    .contains("不再接收此类消息：https://tickets.park.example/shop/unsubscribe/");
        }
    }

    @Test
    void anUnsubscribedKindIsNotSentButConfirmationsStillAre() throws Exception {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of())) {
            long v = f.visitor("ann@example.com", "en");
            f.shopBooking("b-unsub-1", SLOT, v);
            f.ts.clock.set(Instant.parse("2026-06-04T02:00:00Z"));
            f.messages().remindDue();
            f.messages().deliverDue();
            String token = token(Mailbox.body(f.mails().get(1)));
            f.messages().choices.unsubscribe(f.messages().choices.target(token).orElseThrow());

            f.shopBooking("b-unsub-2", "2026-06-06T10:00:00+08:00", v); // confirmed: still sent
            f.ts.clock.set(Instant.parse("2026-06-05T02:00:00Z"));
            assertThat(f.messages().remindDue()).isEqualTo(1);
            assertThat(f.messages().deliverDue()).isEqualTo(1); // the confirmation only
            assertThat(f.mails()).hasSize(3);
            assertThat(Mailbox.subject(f.mails().get(2))).startsWith("Booking confirmed");
            assertThat(state(f, "REMINDER")).containsExactlyInAnyOrder("SENT", "SKIPPED");
        }
    }

    @Test
    void aWarningGoesOnceToEachVisitorOfThatDay() throws Exception {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of())) {
            long a = f.visitor("a@example.com", "en");
            long b = f.visitor("b@example.com", "en");
            long other = f.visitor("c@example.com", "en");
            f.shopBooking("b-w-1", SLOT, a);
            f.shopBooking("b-w-2", SLOT, a);
            f.shopBooking("b-w-3", SLOT, b);
            f.shopBooking("b-w-4", "2026-06-06T10:00:00+08:00", other);
            f.messages().deliverDue();
            Map<String, String> storm = Map.of("date", "2026-06-05", "title", "Thunderstorms", "text", "Paths close.");

            assertThat(f.messages()
                            .messages
                            .sendToVisitorsOf(LocalDate.of(2026, 6, 5), MessageKind.WEATHER_WARNING, storm))
                    .isEqualTo(2);
            assertThat(f.messages()
                            .messages
                            .sendToVisitorsOf(LocalDate.of(2026, 6, 5), MessageKind.WEATHER_WARNING, storm))
                    .isZero();
            assertThat(f.messages().deliverDue()).isEqualTo(2);
            List<MimeMessage> warnings = f.mails().stream()
                    .filter(m -> Mailbox.subject(m).startsWith("Weather warning"))
                    .toList();
            List<String> to = warnings.stream()
                    .map(m -> {
                        try {
                            return m.getAllRecipients()[0].toString();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(to).containsExactlyInAnyOrder("a@example.com", "b@example.com");
            assertThat(Mailbox.subject(f.mails().get(4))).isEqualTo("Weather warning for 2026-06-05: Thunderstorms");
        }
    }

    @Test
    void aFailingSendIsRetriedWithAGrowingDelayThenFailed() {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of("messages.attempts", "3"))) {
            long v = f.visitor("bob@example.com", "en");
            f.mailbox.stop(); // the SMTP server is down
            f.shopBooking("b-fail-1", SLOT, v);

            assertThat(f.messages().deliverDue()).isZero();
            assertThat(row(f)).isEqualTo("PENDING 1");
            assertThat(f.messages().deliverDue()).isZero(); // not due again yet
            assertThat(row(f)).isEqualTo("PENDING 1");
            f.ts.clock.advance(Duration.ofSeconds(60));
            f.messages().deliverDue();
            assertThat(row(f)).isEqualTo("PENDING 2");
            f.ts.clock.advance(Duration.ofSeconds(119)); // the second retry waits 120 s
            f.messages().deliverDue();
            assertThat(row(f)).isEqualTo("PENDING 2");
            f.ts.clock.advance(Duration.ofSeconds(1));
            f.messages().deliverDue();
            assertThat(row(f)).isEqualTo("FAILED 3");
            f.ts.clock.advance(Duration.ofDays(1));
            assertThat(f.messages().deliverDue()).isZero();
            assertThat(row(f)).isEqualTo("FAILED 3");
        }
    }

    @Test
    void theLogNeverShowsAnAddressOrACodeInClear() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = ctx.getLogger("io.scenicpass");
        ch.qos.logback.classic.Level was = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.TRACE); // everything the server logs
        logs.start();
        root.addAppender(logs);
        try (MessagesFixture f = new MessagesFixture(dir, Map.of("messages.attempts", "1"))) {
            long sms = f.visitor("13812345678", "zh-CN");
            long mail = f.visitor("carol@example.com", "en");
            f.shopBooking("b-log-1", SLOT, sms);
            f.messages().deliverDue();
            f.messages().codes.send(Address.parse("13812345678").orElseThrow(), "482913", "zh-CN");
            f.messages().codes.send(Address.parse("carol@example.com").orElseThrow(), "739201", "en");
            f.mailbox.stop();
            f.shopBooking("b-log-2", SLOT, mail); // its mail fails: the error is logged
            f.messages().deliverDue();
        } finally {
            root.detachAppender(logs);
            ours.setLevel(was);
        }
        List<String> lines = logs.list.stream()
                .map(e -> e.getFormattedMessage() + " "
                        + (e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()))
                .toList();
        assertThat(lines).anyMatch(l -> l.contains("138****5678"));
        assertThat(lines).anyMatch(l -> l.contains("c***@example.com") && l.contains("FAILED"));
        assertThat(String.join("\n", lines))
                .doesNotContain("13812345678")
                .doesNotContain("carol@example.com")
                .doesNotContain("482913")
                .doesNotContain("739201");
    }

    static String token(String body) {
        Matcher m = Pattern.compile("/shop/unsubscribe/([0-9]+\\.[A-Z_]+\\.[0-9a-f]+)")
                .matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static long outbox(MessagesFixture f) {
        return f.ts.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM message_outbox", rs -> rs.getLong(1))
                        .orElseThrow());
    }

    static List<String> state(MessagesFixture f, String kind) {
        return f.ts.server
                .database()
                .read(c ->
                        Jdbc.list(c, "SELECT state FROM message_outbox WHERE kind = ?", rs -> rs.getString(1), kind));
    }

    static String row(MessagesFixture f) {
        return f.ts.server
                .database()
                .read(c -> Jdbc.one(
                                c,
                                "SELECT state, attempts FROM message_outbox",
                                rs -> rs.getString(1) + " " + rs.getInt(2))
                        .orElseThrow());
    }

    static <T> T only(List<T> l) {
        assertThat(l).hasSize(1);
        return l.get(0);
    }
}
