package io.scenicpass.journeys;

import static io.scenicpass.server.testing.Mailbox.body;
import static io.scenicpass.server.testing.Mailbox.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer.Answer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's messages: a visitor signs in to the shop with the code her mailbox (a real SMTP server) received, books
 * the park for the 2nd of June and gets the confirmation with her tickets' link; on the 1st, from 10:00 park time, the
 * reminder. She follows the reminder's unsubscribe link signed out, clicks once, and her next booking brings its
 * confirmation but no reminder. (The shop's checkout is not in this branch: the booking is reserved and linked to her
 * account as that checkout does, through {@code shop_order}.)
 */
class ShopVisitorGetsHerMessagesTest {
    @TempDir
    Path dir;

    @Test
    void confirmationThenReminderByMailAndTheUnsubscribeLinkStopsTheReminders() throws Exception {
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(dir, mailbox.settings("mail.from", "tickets@park.example"))) {
            PageClient phone = new PageClient(park.server.server.baseUrl()).language("en");
            ShopSignIn.signIn(phone, mailbox, "mei@example.com");
            assertThat(subject(mailbox.mails().get(0))).startsWith("Your sign-in code: ");
            long her = park.server
                    .server
                    .database()
                    .read(c -> io.scenicpass.server.db.Jdbc.one(c, "SELECT id FROM shop_visitor", rs -> rs.getLong(1))
                            .orElseThrow());

            // she books the park for the 2nd of June: the confirmation comes with her tickets' link
            String first = book(park, her, "shop-mei-1", "2026-06-02");
            park.server.server.messages().deliverDue();
            MimeMessage confirmed = mailbox.mails().get(1);
            assertThat(subject(confirmed)).startsWith("Booking confirmed:").contains("2026-06-02");
            assertThat(body(confirmed)).contains("/shop/orders/" + first).contains("/shop/unsubscribe/");

            // the 1st of June, 10:00 in the park: the reminder, once
            park.timeIs(Instant.parse("2026-06-01T01:59:00Z"));
            assertThat(park.server.server.messages().remindDue()).isZero();
            park.timeIs(Instant.parse("2026-06-01T02:00:00Z"));
            assertThat(park.server.server.messages().remindDue()).isEqualTo(1);
            assertThat(park.server.server.messages().remindDue()).isZero();
            park.server.server.messages().deliverDue();
            MimeMessage reminder = mailbox.mails().get(2);
            assertThat(subject(reminder)).startsWith("Tomorrow:");
            assertThat(body(reminder)).contains("/shop/orders/" + first);

            // she follows the reminder's unsubscribe link on another device, signed out, and clicks once
            Matcher link =
                    Pattern.compile("https?://[^/]+(/shop/unsubscribe/\\S+)").matcher(body(reminder));
            assertThat(link.find()).isTrue();
            PageClient other = new PageClient(park.server.server.baseUrl()).language("en");
            assertThat(other.get(link.group(1)).body()).contains("A reminder the day before your visit");
            PageClient.Page done = other.post(link.group(1), Map.of());
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body()).contains("id=\"done\"");

            // her next booking: the confirmation comes (always), the reminder does not
            String second = book(park, her, "shop-mei-2", "2026-06-03");
            park.timeIs(Instant.parse("2026-06-02T02:00:00Z"));
            park.server.server.messages().remindDue();
            park.server.server.messages().deliverDue();
            List<MimeMessage> all = mailbox.mails();
            assertThat(all).hasSize(4);
            assertThat(body(all.get(3))).contains("/shop/orders/" + second);
            assertThat(subject(all.get(3))).startsWith("Booking confirmed:");
        }
    }

    /** Reserves two adults on the first open slot of {@code day} and confirms, as the shop's checkout does. */
    private static String book(Park park, long visitor, String uuid, String day) {
        String key = park.demo.channelKeys().get("ctrip");
        Answer slots = park.server.send(
                "POST",
                "/octo/availability",
                key,
                "{\"productId\":\"park-entry\",\"localDate\":\"" + day + "\"}",
                Map.of());
        String slot = null;
        for (JsonNode s : slots.json()) {
            if (s.get("available").asBoolean()) {
                slot = s.get("id").asText();
                break;
            }
        }
        Answer held = park.server.send(
                "POST",
                "/octo/bookings",
                key,
                "{\"uuid\":\"" + uuid + "\",\"productId\":\"park-entry\",\"optionId\":\"park-entry-std\","
                        + "\"availabilityId\":\"" + slot + "\",\"unitItems\":[{\"unitId\":\"park-entry-adult\"},"
                        + "{\"unitId\":\"park-entry-adult\"}]}",
                Map.of());
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        park.server.server.database().tx(c -> {
            new ShopOrderStore().link(c, uuid, visitor, park.clock.millis());
            return null;
        });
        Answer ok = park.server.send("POST", "/octo/bookings/" + uuid + "/confirm", key, "{}", Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return uuid;
    }
}
