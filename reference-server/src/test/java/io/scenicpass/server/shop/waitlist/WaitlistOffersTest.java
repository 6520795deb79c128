package io.scenicpass.server.shop.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry.Status;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freed places of a sold-out slot go to its waiting list in line order, as holds with an accept window. */
class WaitlistOffersTest {
    @TempDir
    Path dir;

    TestServer t;
    WaitlistFixture f;

    @BeforeEach
    void start() {
        t = TestServer.h2(dir);
        f = new WaitlistFixture(t, 3, true);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void threePartiesTwoFreedPlacesOfferTheFirstTwoInLineAndTheThirdWaits() {
        List<String> sold = f.sell(3);
        WaitlistEntry a = f.join(101, 1);
        WaitlistEntry b = f.join(102, 1);
        WaitlistEntry c = f.join(103, 1);
        assertThat(List.of(
                        f.get(101, a).place(),
                        f.get(102, b).place(),
                        f.get(103, c).place()))
                .containsExactly(1, 2, 3);
        assertThat(f.waitlist.offers.run()).as("nothing free yet").isZero();

        f.cancel(sold.get(0));
        f.cancel(sold.get(1));
        assertThat(f.waitlist.offers.run()).isEqualTo(2);

        WaitlistEntry offeredA = f.get(101, a).entry();
        WaitlistEntry offeredB = f.get(102, b).entry();
        assertThat(offeredA.status()).isEqualTo(Status.OFFERED);
        assertThat(offeredB.status()).isEqualTo(Status.OFFERED);
        assertThat(f.get(103, c).entry().status()).isEqualTo(Status.WAITING);
        assertThat(f.get(103, c).place()).as("third in line is now next").isEqualTo(1);
        Booking hold = f.booking(offeredA.bookingUuid());
        assertThat(hold.status()).isEqualTo(BookingState.ON_HOLD);
        assertThat(hold.quantity()).isEqualTo(1);
        assertThat(hold.expiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(offeredA.offerExpiresAt()).isEqualTo(hold.expiresAt());
        assertThat(f.messages(101)).containsExactly("WAITLIST_OFFER");
        assertThat(f.messages(102)).containsExactly("WAITLIST_OFFER");
        assertThat(f.messages(103)).isEmpty();
        assertThat(f.held()).as("never more offered than free").isEqualTo(2);
        assertThat(f.waitlist.offers.run())
                .as("a second run offers nothing more")
                .isZero();
        assertThat(f.held()).isEqualTo(2);
    }

    @Test
    void anExpiredOfferGoesToTheNextInLine() {
        List<String> sold = f.sell(3);
        WaitlistEntry a = f.join(101, 1);
        WaitlistEntry b = f.join(102, 1);
        f.cancel(sold.get(0));
        f.waitlist.offers.run();
        assertThat(f.get(101, a).entry().status()).isEqualTo(Status.OFFERED);
        assertThat(f.get(102, b).entry().status()).isEqualTo(Status.WAITING);

        t.clock.advance(Duration.ofMinutes(31));
        assertThat(f.waitlist.offers.run()).isEqualTo(1);
        assertThat(f.get(101, a).entry().status()).isEqualTo(Status.EXPIRED);
        WaitlistEntry nowB = f.get(102, b).entry();
        assertThat(nowB.status()).isEqualTo(Status.OFFERED);
        assertThat(f.booking(nowB.bookingUuid()).status()).isEqualTo(BookingState.ON_HOLD);
        assertThat(f.held()).isEqualTo(1);
    }

    @Test
    void aDeclinedOfferGoesToTheNextInLineAtOnce() {
        List<String> sold = f.sell(3);
        WaitlistEntry a = f.join(101, 1);
        WaitlistEntry b = f.join(102, 1);
        f.cancel(sold.get(0));
        f.waitlist.offers.run();
        String firstHold = f.get(101, a).entry().bookingUuid();

        f.waitlist.lists.decline(101, a.id());
        assertThat(f.get(101, a).entry().status()).isEqualTo(Status.DECLINED);
        assertThat(f.booking(firstHold).status()).isEqualTo(BookingState.CANCELLED);
        assertThat(f.get(102, b).entry().status())
                .as("offered without waiting for the job")
                .isEqualTo(Status.OFFERED);
        assertThat(f.held()).isEqualTo(1);
    }

    @Test
    void aRaisedCapacityIsOffered() {
        f.sell(3);
        WaitlistEntry a = f.join(101, 2);
        assertThat(t.send(
                                "PUT",
                                "/admin/v1/slots/" + WaitlistFixture.SLOT + "/capacity",
                                TestServer.ADMIN,
                                "{\"capacity\":5}",
                                java.util.Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(f.waitlist.offers.run()).isEqualTo(1);
        WaitlistEntry offered = f.get(101, a).entry();
        assertThat(offered.status()).isEqualTo(Status.OFFERED);
        assertThat(f.booking(offered.bookingUuid()).quantity()).isEqualTo(2);
    }

    @Test
    void aPartyThatDoesNotFitIsSkippedAndKeepsItsPlace() {
        List<String> sold = f.sell(3);
        WaitlistEntry big = f.join(101, 2);
        WaitlistEntry small = f.join(102, 1);
        f.cancel(sold.get(0));
        f.waitlist.offers.run();
        assertThat(f.get(101, big).entry().status()).isEqualTo(Status.WAITING);
        assertThat(f.get(101, big).place()).isEqualTo(1);
        assertThat(f.get(102, small).entry().status()).isEqualTo(Status.OFFERED);

        f.cancel(sold.get(1));
        f.cancel(sold.get(2));
        f.waitlist.offers.run();
        assertThat(f.get(101, big).entry().status())
                .as("first in line once it fits")
                .isEqualTo(Status.OFFERED);
    }

    @Test
    void aPaidOfferIsAcceptedAndLeavesTheList() {
        List<String> sold = f.sell(3);
        WaitlistEntry a = f.join(101, 1);
        f.cancel(sold.get(0));
        f.waitlist.offers.run();
        String hold = f.get(101, a).entry().bookingUuid();
        t.server.bookings().confirm(f.shop(), hold, new BookingCommands.Confirm(null));
        assertThat(f.get(101, a).entry().status()).isEqualTo(Status.ACCEPTED);
        assertThat(f.waitlist.lists.onList(101, WaitlistFixture.SLOT)).isEmpty();
        assertThat(t.server
                        .inventory()
                        .findSlot(WaitlistFixture.SLOT)
                        .orElseThrow()
                        .sold())
                .isEqualTo(3);
    }

    @Test
    void aVisitorWhoLeftIsNotOffered() {
        List<String> sold = f.sell(3);
        WaitlistEntry a = f.join(101, 1);
        WaitlistEntry b = f.join(102, 1);
        f.waitlist.lists.leave(101, a.id());
        f.cancel(sold.get(0));
        f.waitlist.offers.run();
        assertThat(f.get(101, a).entry().status()).isEqualTo(Status.LEFT);
        assertThat(f.get(102, b).entry().status()).isEqualTo(Status.OFFERED);
        assertThat(f.join(101, 1).status()).as("may join again, at the end").isEqualTo(Status.WAITING);
    }
}
