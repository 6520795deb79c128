package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.face.SimulatedPhotoTemplates;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.PaidShopOrder;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A visitor buys an annual pass (年卡) in the park's shop for her mother, signs in on her phone, finds "Activate" in
 * her order, gives her mother's ID card and a photo the phone's camera took, ticks the consent, and sees the pass
 * active. The next day her mother comes with no ticket at all: admitted at the south gate by face alone; a second
 * entry that day refused; a stranger's face matches no one.
 */
class VisitorActivatesHerAnnualPassInTheShopTest {
    static final int MOTHER = 11;
    static final int STRANGER = 12;
    static final String EMAIL = "chen.jing@example.com";

    @TempDir
    Path dir;

    @Test
    void activatedInTheShopWithAPhotoTheHolderEntersByFaceTheNextDayOncePerDay() throws Exception {
        try (Mailbox mailbox = Mailbox.start();
                Park park = Park.open(dir, mailbox.settings())) {
            PassFixtures.product(park.server, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            PageClient phone = new PageClient(park.server.url("")).language("en");
            ShopSignIn.signIn(phone, mailbox, EMAIL);
            long visitor = park.server
                    .server
                    .database()
                    .read(c -> Jdbc.list(c, "SELECT id FROM shop_visitor", rs -> rs.getLong(1)))
                    .get(0);
            // bought and paid in the shop (the simulated cashier), the first day
            Booking order = PaidShopOrder.of(
                    park.server,
                    visitor,
                    "annual",
                    PassFixtures.DAY1,
                    List.of(new ShopCheckout.Line("annual-adult", null)));
            String ref = order.uuid().substring(ShopCheckout.bookingUuid("").length());

            // her order shows the pass not activated yet, with its deadline and a way to activate it
            park.timeIs(Instant.parse("2026-06-01T02:00:00Z"));
            Page mine = phone.get("/shop/orders/" + ref);
            assertThat(mine.body()).contains("Not activated yet · Activate it by 2026-08-31 00:00.");
            Matcher link = Pattern.compile("href=\"(/shop/annual-passes/[^\"]+)\" data-action=\"activate\">Activate<")
                    .matcher(mine.body());
            assertThat(link.find()).as("an Activate link").isTrue();
            Page form = phone.get(link.group(1));
            assertThat(form.body()).contains("capture=\"user\"");

            // her mother's ID card and the photo the phone took of her, consent ticked
            Page done = phone.postMultipart(
                    link.group(1) + "/activate",
                    Map.of(
                            "type", "CN_ID",
                            "number", "11010519491231002X",
                            "name", "陈淑华",
                            "consent", "yes"),
                    "photo",
                    "IMG_0042.jpg",
                    SimulatedPhotoTemplates.photo(
                            Base64.getDecoder().decode(FaceAtTheGate.enrolled(MOTHER)), 1080, 1440, 540, "jpeg"));
            assertThat(done.status()).as(done.body()).isEqualTo(303);
            Page active = phone.follow(done);
            assertThat(active.body())
                    .contains("Your annual pass is active.")
                    .contains("Valid from 2026-06-01 to 2027-05-31")
                    .contains("陈**");
            AnnualPass pass = park.server
                    .server
                    .passProducts()
                    .annual
                    .ofBooking(order.uuid())
                    .get(0);
            assertThat(pass.state()).isEqualTo(AnnualPass.ACTIVE);
            assertThat(pass.enrolmentSource()).isEqualTo("SHOP");

            // the next day at the south gate: no ticket, only her face
            park.timeIs(Instant.parse("2026-06-02T01:30:00Z"));
            park.server.server.syncFeeds().refreshManifest();
            EmbeddedGate gate = park.gate("gate-south");
            assertThat(gate.start().success()).isTrue();
            assertThat(gate.showFace(FaceAtTheGate.face(STRANGER)).reason()).isEqualTo("FACE_NOT_MATCHED");
            Decision byFace = gate.showFace(FaceAtTheGate.face(MOTHER));
            assertThat(byFace.reason()).isEqualTo("OK");
            assertThat(byFace.pass().get().passId()).isEqualTo(pass.passId());
            assertThat(byFace.faceScore().get()).isGreaterThanOrEqualTo(EmbeddedGate.FACE_THRESHOLD);

            // one entry a day
            park.timeIs(Instant.parse("2026-06-02T06:00:00Z"));
            Decision again = gate.showFace(FaceAtTheGate.face(MOTHER));
            assertThat(again.admitted()).isFalse();
            assertThat(again.reason()).isEqualTo("ALREADY_ENTERED_TODAY");
        }
    }
}
