package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.Identity;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's segment offers: marketing gives families 20 % off the children's tickets, automatically, for the
 * visitor hub's segment "families". A mother books the park for herself and her son through Ctrip (full price: the
 * park does not know them yet) and they come in at the north gate; the hub tags her {@code family}. Her next booking
 * through Ctrip gets the family offer, its title and what it took off in the OCTO price; and when she books in the
 * park's own shop, signed in with the same email, the pay page shows the family offer's line before she pays, and
 * she pays that price.
 */
class FamilyGetsTheFamilyOfferTest {
    static final String EMAIL = "zhao.min@example.com";
    static final String SON = RealNameVisitorsAtTheGateTest.cnId("34010220160601006");
    static final String OFFER = "Families: 20 % off the children's tickets";

    @TempDir
    Path dir;

    @Test
    void aFamilysFirstVisitPutsThemInTheSegmentAndTheirNextBookingsGetTheFamilyOffer() throws Exception {
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(dir, mailbox.settings("shop.simulatedCashier", "true"))) {
            // marketing: the segment and its automatic offer
            Answer segment = park.admin(
                    "PUT", "/admin/v1/segments/families", "{\"name\":\"Families\",\"expression\":\"tags has family\"}");
            assertThat(segment.status()).as(segment.body()).isEqualTo(200);
            Answer offer = park.admin(
                    "POST",
                    "/admin/v1/offers",
                    "{\"title\":\"" + OFFER + "\",\"kind\":\"PERCENT\",\"amount\":20,\"unitType\":\"CHILD\","
                            + "\"segment\":\"families\"}");
            assertThat(offer.status()).as(offer.body()).isEqualTo(201);
            ChannelClient ctrip = park.reseller("ctrip");

            // the first visit: booked through Ctrip at the full price (nobody knows them yet), in at the north gate
            Booking first = book(ctrip, LocalDate.parse("2026-06-02"));
            assertThat(first.getOfferTitle()).isNull();
            assertThat(first.getPricing().getOfferDiscount()).isNull();
            park.timeIs(
                    OffsetDateTime.parse(first.getAvailabilityId()).toInstant().plusSeconds(600));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            String mother = first.getUnitItems()
                    .get(0)
                    .getTicket()
                    .getDeliveryOptions()
                    .get(0)
                    .getDeliveryValue();
            Decision in = north.scan(mother);
            assertThat(in.admitted()).as("north gate: %s", in).isTrue();
            assertThat(north.syncNow().success()).isTrue();
            Answer found = park.admin(
                    "GET", "/admin/v1/segments/families", null); // the hub's answers catch up with the feed first
            assertThat(found.json().get("size").asLong()).isEqualTo(1);

            // her next booking through Ctrip: the family offer, with what it took off and why
            Booking second = book(ctrip, LocalDate.parse("2026-06-20"));
            assertThat(second.getOfferTitle()).isEqualTo(OFFER);
            assertThat(second.getOfferCode()).isNull(); // automatic: no code typed
            int child = second.getUnitItems().get(1).getPricing().getOriginal();
            assertThat(second.getUnitItems().get(1).getPricing().getRetail()).isEqualTo(child * 8 / 10);
            assertThat(second.getPricing().getOfferDiscount().getRetail()).isEqualTo(child / 5);
            assertThat(second.getPricing().getRetail())
                    .isEqualTo(second.getPricing().getOriginal() - child / 5);

            // and in the park's shop, signed in with the same email
            PageClient phone = new PageClient(park.server.server.baseUrl()).language("en");
            ShopSignIn.signIn(phone, mailbox, EMAIL);
            phone.get("/shop/travellers"); // the form's page: its CSRF token
            assertThat(phone.post("/shop/travellers", Map.of("type", "CN_ID", "number", SON, "name", "赵小明"))
                            .status())
                    .isEqualTo(303);
            Matcher traveller = Pattern.compile("data-id=\"(T[0-9A-Z]+)\"")
                    .matcher(phone.get("/shop/travellers").body());
            assertThat(traveller.find()).isTrue();
            String slot = slotOf(ctrip, LocalDate.parse("2026-06-27")).getId();
            Page held = checkout(phone, slot, traveller.group(1));
            assertThat(held.status()).as(held.body()).isEqualTo(303);
            Page pay = phone.follow(held);
            String discount = "-¥" + (child / 5 / 100) + "." + String.format("%02d", child / 5 % 100);
            assertThat(pay.body()).contains("id=\"discount\"").contains(OFFER + ": " + discount);
            String ref = held.location().replace("/shop/orders/", "").replace("/pay", "");
            assertThat(phone.post("/shop/orders/" + ref + "/pay/simulated", Map.of())
                            .status())
                    .isEqualTo(303);
            long paid = park.server
                    .server
                    .database()
                    .read(c -> io.scenicpass.server.db.Jdbc.one(
                                    c,
                                    "SELECT amount_fen FROM payment WHERE order_ref LIKE ? AND state='SUCCEEDED'",
                                    rs -> rs.getLong(1),
                                    "%" + ref)
                            .orElseThrow());
            assertThat(paid)
                    .isEqualTo(second.getPricing().getRetail().longValue()); // the same tickets, the same family price
        }
    }

    /** The mother and her son on {@code day}'s first slot through the reseller, her email as the contact. */
    private static Booking book(ChannelClient ctrip, LocalDate day) {
        Booking held = ctrip.reserve(new BookingReservationRequest()
                .productId("park-entry")
                .optionId("park-entry-std")
                .availabilityId(slotOf(ctrip, day).getId())
                .contact(new Contact().fullName("Zhao Min").emailAddress(EMAIL))
                .unitItems(List.of(
                        new UnitItemRequest().unitId("park-entry-adult"),
                        new UnitItemRequest()
                                .unitId("park-entry-child")
                                .identity(
                                        new Identity().type("CN_ID").number(SON).name("赵小明")))));
        return ctrip.confirm(held.getUuid(), new BookingConfirmationRequest().resellerReference("CT-" + day));
    }

    private static Availability slotOf(ChannelClient ctrip, LocalDate day) {
        return ctrip
                .availability(new AvailabilityRequest()
                        .productId("park-entry")
                        .optionId("park-entry-std")
                        .localDate(day))
                .stream()
                .filter(Availability::isAvailable)
                .findFirst()
                .orElseThrow();
    }

    /** The shop's checkout of one adult and the son (his saved traveller) for {@code slot}: the answer to the post. */
    private static Page checkout(PageClient phone, String slot, String son) {
        String slotId = "park-entry-std|" + slot;
        Page form = phone.get("/shop/checkout?product=park-entry&slot="
                + slotId.replace("+", "%2B").replace("|", "%7C") + "&n-park-entry-adult=1&n-park-entry-child=1");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> f = new HashMap<>();
        for (String name : new String[] {"ref", "product", "slot", "u0", "u1"}) {
            Matcher m =
                    Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(m.find()).as(name).isTrue();
            f.put(name, m.group(1).replace("&#43;", "+").replace("&#124;", "|"));
        }
        f.put(f.get("u0").equals("park-entry-child") ? "t0" : "t1", son);
        return phone.post("/shop/checkout", f);
    }
}
