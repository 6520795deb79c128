package io.scenicpass.channel;

import io.scenicpass.channel.internal.OctoTransport;
import io.scenicpass.channel.model.OctoCapabilities;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds a {@link ChannelClient}; obtain one with {@link ChannelClient#builder()}. Not thread-safe. */
public final class ChannelClientBuilder {
    private static final String USER_AGENT = "scenicpass-sdk-channel/0.1";

    private String baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private OkHttpClient okHttpClient;
    private List<String> capabilities = new ArrayList<>(Arrays.asList(OctoCapabilities.PRICING));
    private String acceptLanguage;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private Executor executor;
    private Supplier<String> uuidGenerator = ChannelClient::randomUuid;

    ChannelClientBuilder() {}

    /**
     * @param value the OCTO endpoint including its path, e.g. {@code https://tickets.example.com/octo}
     * @return this
     */
    public ChannelClientBuilder baseUrl(String value) {
        this.baseUrl = value;
        return this;
    }

    /**
     * @param value the channel's API key, sent as {@code Authorization: Bearer <key>}; never logged
     * @return this
     */
    public ChannelClientBuilder apiKey(String value) {
        this.apiKey = value;
        return this;
    }

    /**
     * @param value how long to wait for a TCP connection (default 10 s)
     * @return this
     */
    public ChannelClientBuilder connectTimeout(Duration value) {
        this.connectTimeout = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value the longest silence while reading an answer (default 30 s)
     * @return this
     */
    public ChannelClientBuilder readTimeout(Duration value) {
        this.readTimeout = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value the longest silence while sending a request (default 30 s)
     * @return this
     */
    public ChannelClientBuilder writeTimeout(Duration value) {
        this.writeTimeout = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value the limit for one attempt from start to end (default 60 s; zero = none)
     * @return this
     */
    public ChannelClientBuilder callTimeout(Duration value) {
        this.callTimeout = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value when to retry (default {@link RetryPolicy#defaults()})
     * @return this
     */
    public ChannelClientBuilder retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value an OkHttpClient to share (its connection pool and dispatcher are reused; the timeouts of this
     *     builder are applied to a derived client); {@link ChannelClient#close()} then leaves it running
     * @return this
     */
    public ChannelClientBuilder okHttpClient(OkHttpClient value) {
        this.okHttpClient = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param values the OCTO capabilities to request (default {@code octo/pricing}); none for an empty list
     * @return this
     */
    public ChannelClientBuilder capabilities(Collection<String> values) {
        this.capabilities = new ArrayList<>(values);
        return this;
    }

    /**
     * @param value the languages wanted for content ({@code Accept-Language}, e.g. {@code "en, zh-CN;q=0.8"}; with
     *     the {@code octo/content} capability the server answers in the best one it has); null sends none
     * @return this
     */
    public ChannelClientBuilder acceptLanguage(String value) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("acceptLanguage must be a single line");
        }
        this.acceptLanguage = value;
        return this;
    }

    /**
     * @param value the clock (used to read HTTP-date {@code Retry-After} headers); inject a fixed one in tests
     * @return this
     */
    public ChannelClientBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value how to wait between attempts (default {@link Thread#sleep(long)}); tests pass a recorder
     * @return this
     */
    public ChannelClientBuilder sleeper(RetryPolicy.Sleeper value) {
        this.sleeper = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value where the {@code …Async} methods run (default: the OkHttp dispatcher's executor)
     * @return this
     */
    public ChannelClientBuilder executor(Executor value) {
        this.executor = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value generates booking uuids for reservations without one (default: random UUIDs)
     * @return this
     */
    public ChannelClientBuilder uuidGenerator(Supplier<String> value) {
        this.uuidGenerator = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @return the client
     * @throws IllegalArgumentException when the base URL or the API key is missing or invalid
     */
    public ChannelClient build() {
        if (baseUrl == null) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
        }
        if (apiKey == null || apiKey.trim().isEmpty()) {
            throw new IllegalArgumentException("apiKey is required");
        }
        if (apiKey.indexOf('\n') >= 0 || apiKey.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("apiKey must be a single line");
        }
        boolean own = okHttpClient == null;
        OkHttpClient base = own ? new OkHttpClient() : okHttpClient;
        OkHttpClient.Builder hb = base.newBuilder();
        if (acceptLanguage != null) {
            String lang = acceptLanguage;
            hb.addInterceptor(chain -> chain.proceed(
                    chain.request().newBuilder().header("Accept-Language", lang).build()));
        }
        OkHttpClient http = hb.connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(writeTimeout)
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(true)
                .build();
        OctoTransport transport = new OctoTransport(
                http,
                url,
                apiKey.trim(),
                String.join(", ", capabilities),
                USER_AGENT,
                retryPolicy,
                sleeper,
                clock,
                () -> ThreadLocalRandom.current().nextDouble());
        Executor exec = executor != null ? executor : http.dispatcher().executorService();
        Runnable onClose = own
                ? () -> {
                    http.dispatcher().executorService().shutdown();
                    http.connectionPool().evictAll();
                }
                : () -> {};
        return new ChannelClient(transport, exec, uuidGenerator, onClose);
    }
}
