package io.scenicpass.server.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.ShopSignIn;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The visitor's side of messages over real HTTP: the sign-in code arrives by mail (this module's sender), the
 * unsubscribe link works signed out with one click and stops that kind, a forged link gets a typed error page, and
 * the choices page turns kinds off and on.
 */
class MessagesPagesTest {
    static final String SLOT = "2026-06-05T10:00:00+08:00";

    @TempDir
    Path dir;

    @Test
    void theUnsubscribeLinkStopsThatKindSignedOutWithOneClick() throws Exception {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of("http.publicUrl", ""))) {
            long v = f.visitor("ann@example.com", "en");
            f.shopBooking("b-page-1", SLOT, v);
            f.ts.clock.set(Instant.parse("2026-06-04T02:00:00Z"));
            f.messages().remindDue();
            f.messages().deliverDue();
            String link = f.ts.server.baseUrl() + "/shop/unsubscribe/"
                    + MessageDeliveryTest.token(Mailbox.body(f.mails().get(1)));

            PageClient phone = new PageClient(f.ts.server.baseUrl()).language("en");
            String path = link.substring(f.ts.server.baseUrl().length());
            PageClient.Page ask = phone.get(path);
            assertThat(ask.status()).isEqualTo(200);
            assertThat(ask.body()).contains("Stop receiving: A reminder the day before your visit?");
            assertThat(state(f)).isEmpty(); // opening the link changes nothing
            PageClient.Page done = phone.post(path, Map.of());
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body()).contains("id=\"done\"").contains("no longer receive A reminder");
            assertThat(phone.post(path, Map.of("_csrf", "forged")).status()).isEqualTo(403);

            f.shopBooking("b-page-2", "2026-06-06T10:00:00+08:00", v);
            f.ts.clock.set(Instant.parse("2026-06-05T02:00:00Z"));
            f.messages().remindDue();
            f.messages().deliverDue();
            assertThat(f.mails()).hasSize(3); // the second booking's confirmation, no reminder
            assertThat(kindStates(f, "REMINDER")).containsExactlyInAnyOrder("SENT", "SKIPPED");
        }
    }

    @Test
    void aForgedLinkGetsATypedErrorPage() {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of("http.publicUrl", ""))) {
            PageClient phone = new PageClient(f.ts.server.baseUrl()).language("en");
            long v = f.visitor("eve@example.com", "en");
            PageClient.Page forged = phone.get("/shop/unsubscribe/" + v + ".REMINDER.00000000000000000000000000000000");
            assertThat(forged.status()).isEqualTo(404);
            assertThat(forged.errorCode()).as(forged.body()).isEqualTo("UNSUBSCRIBE_INVALID");
            assertThat(phone.get("/shop/unsubscribe/nonsense").errorCode()).isEqualTo("UNSUBSCRIBE_INVALID");
        }
    }

    @Test
    void aSignedInVisitorChoosesWhatComesAndTheMailedCodeSignedHerIn() throws Exception {
        try (MessagesFixture f = new MessagesFixture(dir, Map.of("http.publicUrl", ""))) {
            PageClient phone = new PageClient(f.ts.server.baseUrl()).language("en");
            assertThat(phone.get("/shop/messages").status()).isEqualTo(303); // sign in first

            ShopSignIn.signIn(phone, f.mailbox, "kim@example.com");
            assertThat(Mailbox.subject(f.mails().get(0))).startsWith("Your sign-in code: "); // the page's language
            PageClient.Page page = phone.get("/shop/messages");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Choose what we email you.")
                    .contains("id=\"kind.REMINDER\" value=\"on\" checked");

            PageClient.Page saved = phone.post("/shop/messages", Map.of("kind.CROWD_WARNING", "on"));
            assertThat(saved.status()).isEqualTo(303);
            PageClient.Page after = phone.follow(saved);
            assertThat(after.body()).contains("id=\"saved\"");
            assertThat(after.body()).contains("id=\"kind.CROWD_WARNING\" value=\"on\" checked");
            assertThat(after.body()).doesNotContain("id=\"kind.REMINDER\" value=\"on\" checked");

            long v = f.ts.server
                    .database()
                    .read(c -> Jdbc.one(c, "SELECT id FROM shop_visitor", rs -> rs.getLong(1))
                            .orElseThrow());
            f.shopBooking("b-choice-1", SLOT, v);
            f.ts.clock.set(Instant.parse("2026-06-04T02:00:00Z"));
            f.messages().remindDue();
            f.messages().deliverDue();
            assertThat(kindStates(f, "REMINDER")).containsExactly("SKIPPED");
            assertThat(kindStates(f, "BOOKING_CONFIRMED")).containsExactly("SENT");
        }
    }

    static List<String> state(MessagesFixture f) {
        return f.ts.server
                .database()
                .read(c ->
                        Jdbc.list(c, "SELECT kind FROM message_choice WHERE enabled = FALSE", rs -> rs.getString(1)));
    }

    static List<String> kindStates(MessagesFixture f, String kind) {
        return MessageDeliveryTest.state(f, kind);
    }
}
