package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/openapi.yaml} cannot drift from the server: the (method, path template) pairs the RUNNING server has
 * registered with Javalin must equal the operations the document lists, and a few documented error contracts are
 * exercised for real.
 */
class OpenApiDriftTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_KEY = Pattern.compile("^  (/\\S*):\\s*(#.*)?$");
    private static final Pattern METHOD_KEY = Pattern.compile("^    ([a-z]+):.*$");
    private static final Pattern PARAM = Pattern.compile("\\{[^}]*}|<[^>]*>");

    @TempDir
    static Path dir;

    static TestServer ts;
    static String channelKey;
    static String doc;

    @BeforeAll
    static void start() throws IOException {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        channelKey = ts.channel("ota", 1000, 1000, null);
        doc = Files.readString(openApiFile(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void documentedRoutesEqualTheRunningServersRoutes() throws Exception {
        Set<String> served = servedRoutes(ts.server);
        // people's pages (the shop, the console) and their stylesheet are not an API; their JSON under /shop/api/ is
        served.removeIf(r -> r.equals("GET /design.css")
                || (io.scenicpass.server.web.Pages.isPagePath(r.substring(r.indexOf(' ') + 1))
                        && !r.contains("/api/")));
        Set<String> documented = documentedRoutes(doc);
        assertThat(served).as("routes registered by the running server").hasSizeGreaterThan(50);

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(undocumented)
                .as("served by the server but missing from docs/openapi.yaml")
                .isEmpty();
        assertThat(notServed)
                .as("in docs/openapi.yaml but not served by the server")
                .isEmpty();
    }

    @Test
    void theParserSeesADriftBothWays() {
        String yaml = "paths:\n  /a/{id}:\n    parameters: []\n    get: {summary: x}\n    post:\n      summary: y\n"
                + "  /b:\n    delete: {}\ncomponents:\n  schemas: {}\n";
        assertThat(documentedRoutes(yaml)).containsExactlyInAnyOrder("GET /a/{}", "POST /a/{}", "DELETE /b");
    }

    @Test
    void octoUnknownProductIsA400WithTheDocumentedCode() {
        assertThat(doc).contains("400 for INVALID_PRODUCT_ID");
        Answer a = ts.get("/octo/products/no-such-product", channelKey);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").asText()).isEqualTo("INVALID_PRODUCT_ID");
        assertThat(a.json().path("errorMessage").asText()).isNotBlank();
    }

    @Test
    void octoWithoutKeyIsA401() {
        assertThat(doc).contains("401 UNAUTHORIZED");
        Answer a = ts.get("/octo/products", null);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void terminalWithUnknownDeviceIsA401WireErrorWithServerTime() {
        assertThat(doc).contains("UNAUTHORIZED 401 (unknown or missing device token)");
        Answer a = ts.send("GET", "/terminal/v1/config", null, null, Map.of("Authorization", "Device not-a-token"));
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(a.headers()).containsKey("x-scenicpass-server-time");
    }

    @Test
    void adminUnknownProductIsA400AdminError() {
        assertThat(doc).contains("400 INVALID_PRODUCT_ID when unknown");
        Answer a = ts.get("/admin/v1/products/no-such-product", TestServer.ADMIN);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("code").asText()).isEqualTo("INVALID_PRODUCT_ID");
        assertThat(a.json().path("message").asText()).isNotBlank();
    }

    @Test
    void theDocumentedOctoErrorCodesAreTheSdksCodes() {
        Matcher m =
                Pattern.compile("error: \\{type: string, enum: \\[([^\\]]*)]").matcher(doc);
        assertThat(m.find()).as("the OctoError schema's error enum").isTrue();
        Set<String> documented =
                new TreeSet<>(List.of(m.group(1).replaceAll("\\s", "").split(",")));
        Set<String> sdk = new TreeSet<>();
        for (io.scenicpass.channel.model.OctoErrorCode c : io.scenicpass.channel.model.OctoErrorCode.values()) {
            if (c != io.scenicpass.channel.model.OctoErrorCode.UNKNOWN) {
                sdk.add(c.name());
            }
        }
        assertThat(documented).isEqualTo(sdk);
    }

    @Test
    void anUndocumentedPathIsA404NotAServedRoute() {
        Answer a = ts.get("/octo/not-a-route", channelKey);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().path("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(documentedRoutes(doc)).doesNotContain("GET /octo/not-a-route");
    }

    @Test
    void healthAndMetricsAnswerAsDocumented() {
        Answer h = ts.get("/health", null);
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().path("status").asText()).isEqualTo("UP");
        Answer m = ts.get("/metrics", null);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.headers().get("content-type")).startsWith("text/plain");
    }

    /** The (METHOD, normalised path) pairs the running Javalin app has registered (HTTP methods only). */
    static Set<String> servedRoutes(ScenicPassServer server) throws ReflectiveOperationException {
        Field f = ScenicPassServer.class.getDeclaredField("app");
        f.setAccessible(true);
        Javalin app = (Javalin) f.get(server);
        List<ParsedEndpoint> endpoints = app.unsafe.internalRouter.allHttpHandlers();
        Set<String> out = new TreeSet<>();
        for (ParsedEndpoint e : endpoints) {
            if (e.endpoint.method.isHttpMethod()) {
                out.add(e.endpoint.method.name().toUpperCase(Locale.ROOT) + " " + normalise(e.endpoint.path));
            }
        }
        return out;
    }

    /**
     * The (METHOD, normalised path) pairs of the {@code paths:} section: path keys at two spaces of indent, HTTP method
     * keys at four. Any other shape of path key fails loudly rather than being skipped.
     */
    static Set<String> documentedRoutes(String yaml) {
        Set<String> out = new TreeSet<>();
        boolean inPaths = false;
        String path = null;
        for (String line : yaml.split("\n", -1)) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                inPaths = line.startsWith("paths:");
                path = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                Matcher m = PATH_KEY.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("openapi.yaml: path key not in block style (\"  /path:\"): " + line);
                }
                path = normalise(m.group(1));
                continue;
            }
            Matcher m = METHOD_KEY.matcher(line);
            if (path != null && m.matches() && METHODS.contains(m.group(1))) {
                out.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return out;
    }

    private static String normalise(String path) {
        return PARAM.matcher(path).replaceAll("{}");
    }

    private static Path openApiFile() {
        String root = System.getProperty("scenicpass.root");
        Path base =
                root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        Path p = base.resolve("docs").resolve("openapi.yaml");
        assertThat(p).as("docs/openapi.yaml under scenicpass.root").exists();
        return p;
    }
}
