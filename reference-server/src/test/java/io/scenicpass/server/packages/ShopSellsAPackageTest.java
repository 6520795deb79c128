package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentProvider;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop sells a package on its own checkout (one hold, one payment): the hold takes the partners' allotments, the
 * payment's confirmation issues the vouchers; a hold the hotel cannot fill is refused before any payment.
 */
class ShopSellsAPackageTest {
    @TempDir
    Path dir;

    TestServer ts;
    PackageFixture f;
    long visitor;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        f = new PackageFixture(ts, 1, 10);
        visitor = ts.server.database().tx(c -> new ShopVisitorStore().insert(c, "pkg", "EMAIL", "x", "zh-CN", 0));
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private String hold(int adults) {
        ShopCheckout checkout = ts.server.shopBook().checkout;
        String ref = checkout.newRef();
        checkout.hold(
                visitor,
                new ShopCheckout.Order(
                        ref,
                        "pkg",
                        "pkg-opt|" + PackageFixture.SLOT,
                        java.util.Collections.nCopies(adults, new ShopCheckout.Line("pkg-adult", null))));
        return ref;
    }

    @Test
    void oneHoldOnePaymentThenPassesAndVouchers() {
        ShopCheckout checkout = ts.server.shopBook().checkout;
        String ref = hold(2);
        assertThat(f.allotment(f.hotelToken, "lakeside-double").path("held").asInt())
                .isEqualTo(1);
        Payment p = checkout.pay(visitor, ref, new PaymentProvider.Payer("203.0.113.7", null), false);
        assertThat(ts.server.payments().simulated.visitorPays(p.id())).isTrue();
        assertThat(checkout.get(visitor, ref).state()).isEqualTo(SaleState.PAID);
        String uuid = checkout.booking(checkout.get(visitor, ref)).uuid();

        JsonNode parts =
                ts.get("/admin/v1/package-bookings/" + uuid, TestServer.ADMIN).json();
        assertThat(parts).hasSize(2);
        assertThat(parts.findValuesAsText("state")).containsExactly("VALID", "VALID");
        assertThat(f.allotment(f.busToken, "bus-1").path("sold").asInt()).isEqualTo(2);
        String room = parts.get(0).path("code").asText();
        assertThat(ts.get("/package-vouchers/" + room, null).body()).contains("Double room", "VALID");

        // the hotel's only room is taken: the next shop hold is refused whole, before anything is paid
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> hold(1));
        assertThat(refused).hasMessageContaining("Double room has 0 place(s) left");
        assertThat(f.allotment(f.busToken, "bus-1").path("held").asInt()).isZero();
        assertThat(ts.get("/admin/v1/package-bookings/" + uuid, TestServer.ADMIN)
                        .json())
                .hasSize(2);
    }
}
