package io.scenicpass.server.messages;

import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A real server with product "tour" in Asia/Shanghai and channel "ota" for booking over OCTO, mail through a real SMTP
 * server ({@link Mailbox} on a free port), shop visitors made as the shop's sign-in makes them and shop orders linked as
 * the shop's checkout links them.
 */
public final class MessagesFixture implements AutoCloseable {
    public final TestServer ts;
    public final Mailbox mailbox;
    public final String key;

    public MessagesFixture(Path dir, Map<String, String> extra) {
        mailbox = Mailbox.start();
        Map<String, String> cfg =
                mailbox.settings("mail.from", "tickets@park.example", "http.publicUrl", "https://tickets.park.example");
        cfg.putAll(extra);
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), cfg);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        key = ts.channel("ota", 10_000, 10_000, null);
    }

    MessagesModule messages() {
        return ts.server.messages();
    }

    /** A shop account for {@code address} (email or mobile) in {@code lang}: its id. */
    public long visitor(String address, String lang) {
        IdentityKeys keys = ts.server.identity().keys;
        String hash = keys.digest("test-visitor:" + address);
        String kind = address.contains("@") ? "EMAIL" : "MOBILE";
        return ts.server
                .database()
                .tx(c -> new ShopVisitorStore()
                        .insert(c, hash, kind, keys.encrypt(address, "shop_visitor:" + hash), lang, ts.clock.millis()));
    }

    /** Reserves two adults on {@code slot} for {@code visitor} as a shop order, then confirms: the booking's uuid. */
    public String shopBooking(String uuid, String slot, long visitor) {
        TestServer.Answer r =
                ts.post("/octo/bookings", key, TestServer.reserve(uuid, "tour", slot, "tour-adult", "tour-adult"));
        if (r.status() != 200) {
            throw new AssertionError(r.body());
        }
        ts.server.database().tx(c -> {
            new ShopOrderStore().link(c, uuid, visitor, ts.clock.millis());
            return null;
        });
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        if (ok.status() != 200) {
            throw new AssertionError(ok.body());
        }
        return uuid;
    }

    /** The mails received so far. */
    public List<MimeMessage> mails() {
        return mailbox.mails();
    }

    @Override
    public void close() {
        ts.close();
        mailbox.close();
    }
}
