package io.scenicpass.channel;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared helpers for the WireMock contract tests. */
final class WireMockFixture {
    static final String API_KEY = "sk_test_SECRET-4f9d2a";

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    static String fixture(String name) {
        try (InputStream in = WireMockFixture.class.getResourceAsStream("/octo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client against the WireMock server that records backoff instead of sleeping. */
    ChannelClientBuilder builder(WireMockExtension wm) {
        return ChannelClient.builder()
                .baseUrl(wm.baseUrl() + "/octo")
                .apiKey(API_KEY)
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3))
                .sleeper(sleeps::add)
                .uuidGenerator(() -> "99999999-8888-4777-8666-555555555555");
    }
}
