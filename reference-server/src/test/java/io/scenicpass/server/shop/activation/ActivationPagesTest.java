package io.scenicpass.server.shop.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.face.SimulatedPhotoTemplates;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's activation page over real HTTP: the buyer activates an annual pass of their order with a document, a photo
 * (multipart) and consent, and sees it active with its QR; another visitor gets a typed 403; past the deadline,
 * already active, frozen, no consent, no holder, a bad document and each unusable photo are typed refusals in zh-CN and
 * en that leave no face, capture or consent behind.
 */
class ActivationPagesTest {
    @TempDir
    Path dir;

    ShopActivationFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ShopActivationFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void theBuyerActivatesWithAPhotoAndSeesThePassActiveWithItsQr() throws Exception {
        Booking order = fx.buy(fx.aliceId);
        String id = fx.annualOf(order).id();

        Page mine = fx.alice.get("/shop/orders/" + ShopActivationFixture.ref(order));
        assertThat(mine.body())
                .contains("data-annual=\"" + id + "\" data-state=\"SOLD\"")
                .contains("Activate it by 2026-08-31 00:00.")
                .contains("href=\"/shop/annual-passes/" + id + "\" data-action=\"activate\">Activate<");

        Page form = fx.alice.get("/shop/annual-passes/" + id);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("enctype=\"multipart/form-data\"")
                .contains("type=\"file\" accept=\"image/*\" capture=\"user\"")
                .contains("name=\"_csrf\"")
                .contains("name=\"consent\" value=\"yes\"")
                .contains("id=\"deadline\">Activate it by 2026-08-31 00:00.");

        Page done = fx.activate(fx.alice, id, ShopActivationFixture.form(), ShopActivationFixture.photo(7));
        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.location()).isEqualTo("/shop/annual-passes/" + id + "?done=activated");

        Page active = fx.alice.get(done.location());
        AnnualPass pass = fx.annual(id);
        assertThat(pass.state()).isEqualTo(AnnualPass.ACTIVE);
        assertThat(pass.enrolmentSource()).isEqualTo("SHOP");
        assertThat(active.body())
                .contains("data-done>Your annual pass is active.")
                .contains("data-state=\"ACTIVE\"")
                .contains("id=\"valid\">Valid from 2026-06-01 to 2027-05-31")
                .doesNotContain("id=\"activate\"")
                .doesNotContain(ShopActivationFixture.DOCUMENT);
        String qr = decodeQr("/shop/annual-passes/" + id + "/qr.png");
        assertThat(qr).isEqualTo(fx.ts.server.passProducts().annual.passText(pass));
        assertThat(PassCodec.decode(qr).claims().passId())
                .isEqualTo(pass.passId())
                .isNotEqualTo(id);

        // the face is the new pass's (source SHOP, the photo not kept), the capture bound, the consent recorded
        var face = fx.ts.server.faces().view(pass.passId()).orElseThrow();
        assertThat(face.source()).isEqualTo("SHOP");
        assertThat(face.photoKept()).isFalse();
        assertThat(fx.count("SELECT COUNT(*) FROM face_capture")).isZero();
        assertThat(fx.count(
                        "SELECT COUNT(*) FROM face_consent WHERE annual_id=? AND shop_visitor_id=? AND lang='en'"
                                + " AND statement LIKE 'The holder agrees%'",
                        id, fx.aliceId))
                .isEqualTo(1);

        assertThat(fx.alice
                        .get("/shop/orders/" + ShopActivationFixture.ref(order))
                        .body())
                .contains("data-annual=\"" + id + "\" data-state=\"ACTIVE\"")
                .contains(">Show the annual pass<");
        Page again = fx.activate(fx.alice, id, ShopActivationFixture.form(), ShopActivationFixture.photo(7));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorCode()).isEqualTo("ALREADY_ACTIVE");
    }

    @Test
    void onlyTheBuyerMayActivateAnotherVisitorGetsATyped403InBothLanguages() throws Exception {
        String id = fx.annualOf(fx.buy(fx.aliceId)).id();

        Page en = fx.bob.get("/shop/annual-passes/" + id);
        assertThat(en.status()).isEqualTo(403);
        assertThat(en.errorCode()).isEqualTo("NOT_YOUR_PASS");
        assertThat(en.body()).contains("Only the visitor who bought this pass can activate it.");
        Page zh = fx.bob.get("/shop/annual-passes/" + id + "?lang=zh-CN"); // remembered by the session
        assertThat(zh.body()).contains("只有购买这张年卡的游客可以激活它。");
        fx.bob.get("/shop/tickets"); // a CSRF token of bob's own session
        Page post = fx.bob.postMultipart(
                "/shop/annual-passes/" + id + "/activate",
                ShopActivationFixture.form(),
                "photo",
                "me.jpg",
                ShopActivationFixture.photo(8));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.errorCode()).isEqualTo("NOT_YOUR_PASS");
        assertThat(fx.bob.get("/shop/annual-passes/" + id + "/qr.png").status()).isEqualTo(403);
        assertThat(fx.annual(id).state()).isEqualTo(AnnualPass.SOLD);

        Page unknown = fx.bob.get("/shop/annual-passes/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("PASS_NOT_FOUND");
        Page anonymous = new io.scenicpass.server.testing.PageClient(fx.ts.url("")).get("/shop/annual-passes/" + id);
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.location()).startsWith("/shop/sign-in?next=");
    }

    @Test
    void refusalsAreTypedAndLeaveNoFaceCaptureOrConsentBehind() {
        String id = fx.annualOf(fx.buy(fx.aliceId)).id();
        Map<String, String> noConsent = new HashMap<>(ShopActivationFixture.form());
        noConsent.remove("consent");
        assertRefused(id, noConsent, ShopActivationFixture.photo(7), "CONSENT_REQUIRED", "Please tick the consent");
        assertRefused(id, Map.of("consent", "yes"), ShopActivationFixture.photo(7), "HOLDER_REQUIRED", "document");
        assertRefused(id, ShopActivationFixture.form(), null, "PHOTO_MISSING", "Please add a photo");
        assertRefused(id, ShopActivationFixture.form(), new byte[0], "PHOTO_MISSING", "Please add a photo");
        assertRefused(id, ShopActivationFixture.form(), "GIF89a".getBytes(), "PHOTO_FORMAT", "JPEG or PNG");
        assertRefused(
                id,
                ShopActivationFixture.form(),
                SimulatedPhotoTemplates.photo(List.of(), 720, 960, 300, "jpeg"),
                "PHOTO_NO_FACE",
                "No face was found");
        assertRefused(
                id,
                ShopActivationFixture.form(),
                SimulatedPhotoTemplates.photo(
                        List.of(ShopActivationFixture.face(7), ShopActivationFixture.face(8)), 1200, 800, 400, "png"),
                "PHOTO_SEVERAL_FACES",
                "more than one face");
        Map<String, String> badDocument = new HashMap<>(ShopActivationFixture.form());
        badDocument.put("number", "110105194912310021"); // a wrong check digit
        assertRefused(id, badDocument, ShopActivationFixture.photo(7), "DOCUMENT_INVALID", "not valid");

        fx.alice.get("/shop/annual-passes/" + id + "?lang=zh-CN"); // remembered by the session
        assertRefused(
                id,
                ShopActivationFixture.form(),
                SimulatedPhotoTemplates.photo(List.of(), 720, 960, 300, "jpeg"),
                "PHOTO_NO_FACE",
                "照片中没有找到人脸");

        Map<String, String> forged = new HashMap<>(ShopActivationFixture.form());
        forged.put("_csrf", "forged");
        Page csrf = fx.activate(fx.alice, id, forged, ShopActivationFixture.photo(7));
        assertThat(csrf.status()).isEqualTo(403);
        assertThat(csrf.errorCode()).isEqualTo("CSRF");

        assertThat(fx.annual(id).state()).isEqualTo(AnnualPass.SOLD);
        assertThat(fx.count("SELECT COUNT(*) FROM face_capture")).isZero();
        assertThat(fx.count("SELECT COUNT(*) FROM face_template")).isZero();
        assertThat(fx.count("SELECT COUNT(*) FROM face_consent")).isZero();
    }

    @Test
    void pastTheDeadlineFrozenAndKeptPhotosFollowThePassAndTheOperator() throws Exception {
        String late = fx.annualOf(fx.buy(fx.aliceId)).id();
        String kept = fx.annualOf(fx.buy(fx.aliceId)).id();

        // the operator keeps photos: the shop's photo is kept (sealed) with the face
        assertThat(fx.ts.send(
                                "PUT",
                                "/admin/v1/identity/face-settings",
                                TestServer.ADMIN,
                                "{\"keepPhotos\":true}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(fx.activate(fx.alice, kept, ShopActivationFixture.form(), ShopActivationFixture.photo(9))
                        .status())
                .isEqualTo(303);
        assertThat(fx.ts.server
                        .faces()
                        .view(fx.annual(kept).passId())
                        .orElseThrow()
                        .photoKept())
                .isTrue();

        // frozen (lent to someone): the page shows it frozen; activating again is refused
        assertThat(fx.ts.send(
                                "POST",
                                "/admin/v1/annual-passes/" + kept + "/freeze",
                                TestServer.ADMIN,
                                "{\"reason\":\"lent\"}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(fx.alice.get("/shop/annual-passes/" + kept).body()).contains("data-state=\"FROZEN\"");
        Page frozen = fx.activate(fx.alice, kept, ShopActivationFixture.form(), ShopActivationFixture.photo(9));
        assertThat(frozen.status()).isEqualTo(422);
        assertThat(frozen.errorCode()).isEqualTo("PASS_FROZEN");

        // 90 days after the purchase the activation period is over: no form, a typed refusal
        fx.ts.clock.set(fx.annual(late).activateBy());
        ShopSignIn.signIn(fx.alice, fx.mailbox, "alice@example.com"); // her session of 90 days ago expired
        Page page = fx.alice.get("/shop/annual-passes/" + late);
        assertThat(page.errorCode()).isEqualTo("DEADLINE_PASSED");
        assertThat(page.body()).doesNotContain("id=\"activate\"");
        Page post = fx.activate(fx.alice, late, ShopActivationFixture.form(), ShopActivationFixture.photo(7));
        assertThat(post.status()).isEqualTo(422);
        assertThat(post.errorCode()).isEqualTo("DEADLINE_PASSED");
        assertThat(post.body()).contains("The activation period of this pass is over");
        assertThat(fx.annual(late).state()).isEqualTo(AnnualPass.SOLD);
    }

    private void assertRefused(String id, Map<String, String> fields, byte[] photo, String code, String text) {
        Page p = fx.activate(fx.alice, id, fields, photo);
        assertThat(p.status()).as(code + ": " + p.body()).isEqualTo(422);
        assertThat(p.errorCode()).isEqualTo(code);
        assertThat(p.body()).contains(text).contains("id=\"activate\"");
    }

    /** The QR image at {@code path} (alice's session) decoded. */
    private String decodeQr(String path) throws Exception {
        okhttp3.Cookie session = fx.alice.cookie("sp_shop");
        Request req = new Request.Builder()
                .url(fx.ts.url(path))
                .header("Cookie", session.name() + "=" + session.value())
                .build();
        try (Response r = fx.ts.http.newCall(req).execute()) {
            assertThat(r.code()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/png");
            var img = ImageIO.read(new ByteArrayInputStream(r.body().bytes()));
            return new MultiFormatReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
                    .getText();
        }
    }
}
