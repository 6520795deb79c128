package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.ChannelException;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.PageClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrip's API key leaked: the park's marketing operator opens Ctrip on the console's channels page, rotates the key
 * (the new one shown once, on that page only) and hands it over; the leaked key is refused at once, Ctrip's systems sell
 * on with the new one, and the audit log says who rotated it — never the key.
 */
class OperatorRotatesALeakedResellerKeyTest {
    @TempDir
    Path dir;

    Park park;

    @BeforeEach
    void open() {
        park = Park.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        park.close();
    }

    @Test
    void theLeakedKeyIsRefusedAndCtripSellsOnWithTheNewOne() {
        ChannelClient leaked = park.reseller("ctrip");
        assertThat(leaked.products()).isNotEmpty();
        park.server.server.console().operators.create("wen", "Wen Li", Role.MARKETING, "marketing password");

        PageClient console = new PageClient(park.server.server.baseUrl()).language("en");
        console.get("/console/sign-in");
        assertThat(console.post(
                                "/console/sign-in",
                                Map.of("login", "wen", "password", "marketing password", "next", "/console/channels"))
                        .location())
                .isEqualTo("/console/channels");
        assertThat(console.get("/console/channels?id=ctrip").body()).contains("id=\"rotate-key\"");
        PageClient.Page rotated = console.post("/console/channels/rotate", Map.of("channelId", "ctrip"));
        assertThat(rotated.status()).isEqualTo(200);
        Matcher m = Pattern.compile("<code id=\"new-key\">(sp_[A-Za-z0-9_-]+)</code>")
                .matcher(rotated.body());
        assertThat(m.find()).as("the new key is on the page").isTrue();
        String fresh = m.group(1);
        assertThat(console.get("/console/channels?id=ctrip").body())
                .as("shown once")
                .doesNotContain(fresh);

        ChannelException refused = catchThrowableOfType(leaked::products, ChannelException.class);
        assertThat(refused.getHttpStatus()).isEqualTo(401);
        ChannelClient ctrip = ChannelClient.builder()
                .baseUrl(park.server.url("/octo"))
                .apiKey(fresh)
                .build();
        try {
            assertThat(ctrip.products()).isNotEmpty();
        } finally {
            ctrip.close();
        }
        String audit = park.admin("GET", "/admin/v1/audit?action=rotate", null).body();
        assertThat(audit)
                .contains("console: rotate channel key", "operator:wen", "channelId=ctrip")
                .doesNotContain(fresh);
    }
}
