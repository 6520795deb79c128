package io.scenicpass.server.shop.activation;

import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.face.SimulatedPhotoTemplates;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PaidShopOrder;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real server with product "annual" (annual terms: 90 days to activate, 12 months) sold in the shop, two signed-in
 * visitors (alice, bob; codes from a real SMTP server) and simulated photos of simulated people.
 */
final class ShopActivationFixture implements AutoCloseable {
    static final String DOCUMENT = "11010519491231002X";

    final Mailbox mailbox;
    final TestServer ts;
    final PageClient alice;
    final PageClient bob;
    final long aliceId;
    final long bobId;

    ShopActivationFixture(Path dir) throws Exception {
        mailbox = Mailbox.start();
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), mailbox.settings());
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
        alice = new PageClient(ts.url("")).language("en");
        ShopSignIn.signIn(alice, mailbox, "alice@example.com");
        bob = new PageClient(ts.url("")).language("en");
        ShopSignIn.signIn(bob, mailbox, "bob@example.com");
        List<Long> ids = ts.server
                .database()
                .read(c -> Jdbc.list(c, "SELECT id FROM shop_visitor ORDER BY id", rs -> rs.getLong(1)));
        aliceId = ids.get(0);
        bobId = ids.get(1);
    }

    /** An annual pass alice bought in the shop: its booking and the pass. */
    Booking buy(long visitor) {
        return PaidShopOrder.of(
                ts, visitor, "annual", PassFixtures.DAY1, List.of(new ShopCheckout.Line("annual-adult", null)));
    }

    AnnualPass annualOf(Booking b) {
        return ts.server.passProducts().annual.ofBooking(b.uuid()).get(0);
    }

    AnnualPass annual(String id) {
        return ts.server.passProducts().annual.get(id);
    }

    static String ref(Booking b) {
        return b.uuid().substring(ShopCheckout.bookingUuid("").length());
    }

    /** The face of simulated person {@code n} (the bytes their simulated camera sees). */
    static byte[] face(int n) {
        byte[] b = new byte[64];
        new Random(n).nextBytes(b);
        return b;
    }

    /** A phone's portrait photo of person {@code n}, as JPEG. */
    static byte[] photo(int n) {
        return SimulatedPhotoTemplates.photo(face(n), 720, 960, 360, "jpeg");
    }

    /** The activation form's fields: a typed-in document and the consent box ticked. */
    static Map<String, String> form() {
        return Map.of("type", "CN_ID", "number", DOCUMENT, "name", "张三", "consent", "yes");
    }

    PageClient.Page activate(PageClient who, String id, Map<String, String> fields, byte[] photo) {
        who.get("/shop/annual-passes/" + id); // the page's CSRF token
        return who.postMultipart("/shop/annual-passes/" + id + "/activate", fields, "photo", "me.jpg", photo);
    }

    long count(String sql, Object... args) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(c, sql, rs -> rs.getLong(1), args).orElse(0L));
    }

    @Override
    public void close() {
        ts.close();
        mailbox.close();
    }
}
