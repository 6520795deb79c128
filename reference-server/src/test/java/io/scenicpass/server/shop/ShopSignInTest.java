package io.scenicpass.server.shop;

import static io.scenicpass.server.testing.ShopSignIn.codeMailedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in to the shop with a code mailed through a real SMTP server; sessions, CSRF, languages, limits. */
class ShopSignInTest {
    @TempDir
    Path dir;

    Mailbox mailbox;
    TestServer ts;

    @BeforeEach
    void start() throws Exception {
        mailbox = Mailbox.start();
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), mailbox.settings());
    }

    @AfterEach
    void stop() {
        ts.close();
        mailbox.close();
    }

    @Test
    void aVisitorSignsInWithTheMailedCodeAndTheSessionIsReplaced() throws Exception {
        PageClient browser = new PageClient(ts.url(""));
        Page form = browser.get("/shop/sign-in?next=/shop/tickets");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("邮箱或手机号").contains("name=\"_csrf\"");
        assertThat(form.headers().get("content-security-policy")).contains("script-src 'self'");
        String cookie = form.setCookies().get(0);
        assertThat(cookie)
                .startsWith("sp_shop=")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/shop");
        String before = browser.cookie("sp_shop").value();

        Page sent = browser.post("/shop/sign-in", Map.of("address", " Li.Lei@Example.com ", "next", "/shop/tickets"));
        assertThat(sent.status()).isEqualTo(303);
        Page codePage = browser.follow(sent);
        assertThat(codePage.body()).contains("l***@example.com").doesNotContain("li.lei@example.com");
        String code = codeMailedTo(mailbox, "li.lei@example.com");

        Page in = browser.post("/shop/sign-in/code", Map.of("code", code, "next", "/shop/tickets"));
        assertThat(in.status()).isEqualTo(303);
        assertThat(in.location()).isEqualTo("/shop/tickets");
        assertThat(browser.cookie("sp_shop").value()).isNotEqualTo(before); // a new session at sign-in
        Page signedIn = browser.get("/shop/sign-in");
        assertThat(signedIn.body()).contains("id=\"user\">l***@example.com").contains("id=\"sign-out\"");

        // the same address again: the same account
        PageClient other = new PageClient(ts.url(""));
        other.get("/shop/sign-in");
        other.post("/shop/sign-in", Map.of("address", "li.lei@example.com", "next", "/shop"));
        other.post("/shop/sign-in/code", Map.of("code", codeMailedTo(mailbox, "li.lei@example.com"), "next", "/shop"));
        java.util.Optional<Integer> accounts = ts.server
                .database()
                .read(c ->
                        io.scenicpass.server.db.Jdbc.one(c, "SELECT COUNT(*) FROM shop_visitor", rs -> rs.getInt(1)));
        assertThat(accounts).contains(1);

        Page out = browser.post("/shop/sign-out", Map.of());
        assertThat(out.status()).isEqualTo(303);
        assertThat(browser.get("/shop/sign-in").body()).doesNotContain("id=\"user\"");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        PageClient browser = new PageClient(ts.url(""));
        browser.get("/shop/sign-in");
        Page refused = browser.post("/shop/sign-in", Map.of("_csrf", "forged", "address", "a@example.com"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("CSRF");
        assertThat(refused.body()).contains("页面已过期");
        assertThat(mailbox.mails()).isEmpty();
        PageClient fresh = new PageClient(ts.url("")); // no session at all
        assertThat(fresh.post("/shop/sign-in", Map.of("address", "a@example.com"))
                        .errorCode())
                .isEqualTo("CSRF");
    }

    @Test
    void wrongCodesAreCountedThenTheCodeIsLocked() throws Exception {
        PageClient browser = new PageClient(ts.url("")).language("en");
        browser.get("/shop/sign-in");
        browser.post("/shop/sign-in", Map.of("address", "wei@example.com"));
        String code = codeMailedTo(mailbox, "wei@example.com");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            Page p = browser.post("/shop/sign-in/code", Map.of("code", wrong));
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.errorCode()).isEqualTo("CODE_WRONG");
            assertThat(p.body()).contains("That code is not right");
        }
        Page locked = browser.post("/shop/sign-in/code", Map.of("code", code)); // even the right one now
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("CODE_LOCKED");
    }

    @Test
    void aMobileNumberGetsItsCodeThroughTheSmsProvider() {
        // sms.provider defaults to the demo provider (the log, masked): the code is sent, the page shows the number
        // masked and normalised from how it was typed
        PageClient browser = new PageClient(ts.url(""));
        browser.get("/shop/sign-in");
        Page p = browser.post("/shop/sign-in", Map.of("address", "+86 138-0013-8000"));
        assertThat(p.status()).isEqualTo(303);
        assertThat(browser.follow(p).body()).contains("138****8000").doesNotContain("13800138000");
    }

    @Test
    void badInputIsToldInTheVisitorsLanguage() {
        PageClient en = new PageClient(ts.url("")).language("en-GB,en;q=0.8");
        en.get("/shop/sign-in");
        Page bad = en.post("/shop/sign-in", Map.of("address", "not an address"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("INVALID_ADDRESS");
        assertThat(bad.body()).contains("Please enter a valid email address").doesNotContain("Exception");
        Page zh = en.get("/shop/sign-in?lang=zh-CN");
        assertThat(zh.body()).contains("获取验证码");
        assertThat(en.get("/shop/sign-in").body()).contains("获取验证码"); // remembered on the session
        Page missing = en.get("/shop/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void codesAreRateLimitedPerAddressAndExpire() throws Exception {
        PageClient browser = new PageClient(ts.url(""));
        browser.get("/shop/sign-in");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/shop/sign-in", Map.of("address", "han@example.com"))
                            .status())
                    .isEqualTo(303);
        }
        Page sixth = browser.post("/shop/sign-in", Map.of("address", "han@example.com"));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.errorCode()).isEqualTo("TOO_MANY_CODES");
        assertThat(mailbox.mails()).hasSize(5);

        String code = codeMailedTo(mailbox, "han@example.com");
        ts.clock.advance(Duration.ofMinutes(11));
        Page late = browser.post("/shop/sign-in/code", Map.of("code", code));
        assertThat(late.errorCode()).isEqualTo("CODE_EXPIRED");
    }
}
