package io.scenicpass.server.shop.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.face.FacePhotos;
import io.scenicpass.server.http.HttpGuards;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.testing.PageClient.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads to the activation page that must never be a 500 or fill the server: a photo over 5 MB is a typed refusal, a
 * body over the upload limit Jetty's 413, the shop's other forms keep the 1 MiB limit, and seeded random and broken
 * multipart bodies (with the session's CSRF token, so they reach the page) are typed answers.
 */
class ActivationUploadsTest {
    @TempDir
    Path dir;

    @Test
    void hugeAndBrokenUploadsAreTypedAnswersNeverA500() throws Exception {
        try (ShopActivationFixture fx = new ShopActivationFixture(dir)) {
            String id = fx.annualOf(fx.buy(fx.aliceId)).id();
            String path = "/shop/annual-passes/" + id + "/activate";

            byte[] overFive = new byte[FacePhotos.MAX_BYTES + 100];
            overFive[0] = (byte) 0xFF;
            overFive[1] = (byte) 0xD8;
            overFive[2] = (byte) 0xFF;
            Page tooLarge = fx.activate(fx.alice, id, ShopActivationFixture.form(), overFive);
            assertThat(tooLarge.status()).isEqualTo(422);
            assertThat(tooLarge.errorCode()).isEqualTo("PHOTO_TOO_LARGE");

            Page huge = fx.activate(
                    fx.alice, id, ShopActivationFixture.form(), new byte[(int) HttpGuards.PHOTO_UPLOAD_BYTES + 1]);
            assertThat(huge.status()).isEqualTo(413);

            // the larger limit is the photo upload's alone: another shop form still stops at 1 MiB
            Page traveller = fx.alice.postRaw(
                    "/shop/travellers",
                    RequestBody.create(new byte[2 * 1024 * 1024], MediaType.get("application/x-www-form-urlencoded")));
            assertThat(traveller.status()).isEqualTo(413);

            Random r = new Random(23);
            String csrf = fx.alice.csrf();
            for (int i = 0; i < 60; i++) {
                byte[] body = brokenMultipart(r, csrf);
                String type = r.nextInt(4) == 0
                        ? "multipart/form-data"
                        : "multipart/form-data; boundary=" + (r.nextBoolean() ? "b0undary" : "other");
                Page p = fx.alice.postRaw(
                        path + (r.nextBoolean() ? "" : "?_csrf=" + csrf),
                        RequestBody.create(body, MediaType.get(type)));
                assertThat(p.status()).as("case " + i + ": " + p.body()).isBetween(300, 499);
                if (p.status() != 413 && p.status() != 303) {
                    assertThat(p.errorCode()).as("case " + i).isNotNull();
                }
            }
            assertThat(fx.annual(id).state()).isEqualTo(AnnualPass.SOLD);
            assertThat(fx.alice.get("/shop/annual-passes/" + id).status()).isEqualTo(200);
        }
    }

    /** A multipart body cut, doubled or garbled at random, around a real CSRF field and a photo part. */
    static byte[] brokenMultipart(Random r, String csrf) {
        String good = "--b0undary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\nyes\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff junk\r\n--b0undary--\r\n";
        byte[] b = good.getBytes(StandardCharsets.ISO_8859_1);
        switch (r.nextInt(5)) {
            case 0:
                return java.util.Arrays.copyOf(b, r.nextInt(b.length)); // cut anywhere
            case 1:
                for (int i = 0; i < 8; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256); // garbled bytes
                }
                return b;
            case 2:
                return (good.replace("\r\n", "\n")).getBytes(StandardCharsets.ISO_8859_1); // bare newlines
            case 3:
                byte[] junk = new byte[r.nextInt(4096)];
                r.nextBytes(junk);
                return junk;
            default:
                return good.replace(
                                "name=\"photo\"; filename=\"a.jpg\"",
                                "name=\"photo\"; filename=\"" + "x".repeat(r.nextInt(5000)) + "\"")
                        .getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
