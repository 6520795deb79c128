package io.scenicpass.server.shop.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visitor's waiting list pages over real HTTP: join, my place, the offer and its pay link, decline, refusals. */
class WaitlistPagesTest {
    @TempDir
    Path dir;

    Mailbox mailbox;
    TestServer t;
    WaitlistFixture f;

    @BeforeEach
    void start() throws Exception {
        mailbox = Mailbox.start();
        t = new TestServer(dir, null, new MutableClock(TestServer.START), mailbox.settings());
        f = new WaitlistFixture(t, 2, true);
    }

    @AfterEach
    void stop() {
        t.close();
        mailbox.close();
    }

    @Test
    void aVisitorJoinsSeesTheirPlaceGetsTheOfferAndDeclines() throws Exception {
        String join = WaitlistLinks.slot(WaitlistFixture.SLOT);
        PageClient browser = new PageClient(t.server.baseUrl()).language("en");
        assertThat(browser.get(join).location()).as("signed out: sign in first").startsWith("/shop/sign-in?next=");
        ShopSignIn.signIn(browser, mailbox, "wang@example.com");

        // the product page links a slot's id as it is ('+' of the offset unencoded)
        assertThat(browser.get("/shop/waitlist/" + WaitlistFixture.SLOT.replace("|", "%7C"))
                        .body())
                .contains("name=\"unit.park-adult\"");
        Page notFull = browser.get(join);
        assertThat(notFull.status()).isEqualTo(200);
        assertThat(notFull.body()).contains("Places left: 2").contains("name=\"unit.park-adult\"");
        Page refused = browser.post(join, Map.of("unit.park-adult", "1"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("WAITLIST_NOT_SOLD_OUT");
        assertThat(refused.body()).contains("book them now");

        List<String> sold = f.sell(2);
        Page tooMany = browser.post(join, Map.of("unit.park-adult", "3"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.errorCode()).isEqualTo("WAITLIST_TOO_MANY_UNITS");
        assertThat(tooMany.body()).as("what was typed stays").contains("value=\"3\"");
        assertThat(browser.post(join, Map.of("unit.park-adult", "1", "_csrf", "forged"))
                        .status())
                .isEqualTo(403);

        Page joined = browser.post(join, Map.of("unit.park-adult", "1"));
        assertThat(joined.status()).isEqualTo(303);
        Page entry = browser.follow(joined);
        assertThat(entry.body()).contains("data-status=\"WAITING\"").contains("data-place=\"1\"");
        assertThat(browser.get(join).location())
                .as("on the list: the join page shows my place")
                .isEqualTo(joined.location());
        assertThat(browser.get("/shop/waitlist").body()).contains("Place in line: 1");

        f.cancel(sold.get(0));
        f.waitlist.offers.run();
        Page offer = browser.follow(joined);
        assertThat(offer.body()).contains("data-status=\"OFFERED\"");
        long id = Long.parseLong(joined.location().substring(joined.location().lastIndexOf('/') + 1));
        assertThat(offer.body()).contains("href=\"/shop/orders/" + WaitlistLinks.offerRef(id, 1) + "/pay\"");
        assertThat(f.messages(visitorOf(id))).containsExactly("WAITLIST_OFFER");

        Page declined = browser.post(joined.location() + "/decline", Map.of());
        assertThat(declined.status()).isEqualTo(303);
        assertThat(browser.follow(declined).body()).contains("data-status=\"DECLINED\"");
        Page again = browser.post(joined.location() + "/decline", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("WAITLIST_NO_OFFER");
        assertThat(browser.get("/shop/waitlist/entries/999999").status()).isEqualTo(404);
        assertThat(browser.get("/shop/waitlist/entries/x").status()).isEqualTo(404);
    }

    private long visitorOf(long entryId) {
        return t.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.one(
                                c, "SELECT visitor_id FROM waitlist_entry WHERE id=?", rs -> rs.getLong(1), entryId)
                        .orElseThrow());
    }
}
