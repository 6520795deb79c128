package io.scenicpass.server.console.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.console.TotpCodes;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-step sign-in and the channels page in a REAL headless Chromium on a tablet-sized screen (Playwright,
 * {@link BrowserHarness}): password, then the authenticator's code on its own page; a channel created with its key
 * shown once, the key rotated; OCTO then takes the new key and refuses the old one. Screenshots in
 * {@code <build dir>/browser/ChannelsChromiumTest/}.
 */
@Tag("slow")
class ChannelsChromiumTest {
    @TempDir
    static Path dir;

    static BrowserHarness browser;
    static TestServer ts;
    static Path out = Path.of(System.getProperty("scenicpass.buildDir", "target"), "browser", "ChannelsChromiumTest");

    @BeforeAll
    static void start() {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
    }

    @AfterAll
    static void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void anOperatorWithAnAuthenticatorCreatesAChannelAndRotatesItsKey() throws Exception {
        Operators ops = ts.server.console().operators;
        String id =
                ops.create("lin", "Lin", Role.MARKETING, "marketing password").id();
        Operators.Enrolment e = ops.startTotp(id);
        assertThat(ops.confirmTotp(id, code(e.secret()))).isTrue();
        ts.clock.advance(Duration.ofSeconds(30)); // each code is taken once: the sign-in's is the next one

        BrowserRun run = browser.run(
                "console/channels.cjs",
                ts.server.baseUrl(),
                out,
                Map.of(
                        "login", "lin",
                        "password", "marketing password",
                        "code", code(e.secret()),
                        "channel", "fliggy"));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(r.path("codeStep").asText()).isEqualTo("/console/sign-in/code");
        assertThat(r.path("passwordAsked").asBoolean()).isFalse();
        assertThat(r.path("landed").asText()).isEqualTo("/console/channels");
        String first = r.path("first").asText();
        String second = r.path("second").asText();
        assertThat(first).startsWith("sp_");
        assertThat(second).startsWith("sp_").isNotEqualTo(first);
        assertThat(r.path("shownAgain").asBoolean()).as("the key is shown once").isFalse();
        assertThat(r.path("keys").toString()).isEqualTo("[\"false\",\"true\"]");
        // OCTO takes the new key and refuses the old one
        assertThat(ts.get("/octo/products", second).status()).isEqualTo(200);
        assertThat(ts.get("/octo/products", first).status()).isEqualTo(401);
    }

    private static String code(String secret) {
        return TotpCodes.at(secret, ts.clock.millis());
    }
}
