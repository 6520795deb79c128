package io.scenicpass.testing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Playwright scripts (node + playwright-core, pinned in {@code testing-browser/playwright/package.json}) in the
 * machine's headless Chromium. {@link #require()} finds node, {@code chromium} and playwright-core or aborts the
 * calling test with a loud message saying what to install ({@code ./scenicpass test} installs all three).
 */
public final class BrowserHarness {
    /** Keep in step with testing-browser/playwright/package.json. */
    public static final String PLAYWRIGHT_VERSION = "1.65.2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "SCENICPASS-BROWSER-RESULT ";
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(3);

    private final Path node;
    private final Path chromium;
    private final Path playwright;

    private BrowserHarness(Path node, Path chromium, Path playwright) {
        this.node = node;
        this.chromium = chromium;
        this.playwright = playwright;
    }

    /** The harness, or the calling test aborted (skipped) with a loud message when a piece is missing. */
    public static BrowserHarness require() {
        Path node = onPath("node");
        Path chromium = setting("scenicpass.chromium", "SCENICPASS_CHROMIUM")
                .map(Paths::get)
                .orElseGet(() -> onPath("chromium"));
        Path playwright = setting("scenicpass.playwright", "SCENICPASS_PLAYWRIGHT")
                .map(Paths::get)
                .orElseGet(BrowserHarness::defaultPlaywrightDir);
        List<String> missing = new ArrayList<>();
        if (node == null) {
            missing.add("node (apt-get install nodejs npm)");
        }
        if (chromium == null || !Files.isExecutable(chromium)) {
            missing.add("chromium (apt-get install chromium)");
        }
        if (!Files.isRegularFile(playwright.resolve("node_modules/playwright-core/package.json"))) {
            missing.add("playwright-core " + PLAYWRIGHT_VERSION + " in " + playwright
                    + " (./scenicpass test installs it, or npm install it there)");
        }
        if (!missing.isEmpty()) {
            String msg = "browser tests need " + String.join(", ", missing);
            System.err.println("\n!!!!! SKIPPING a browser test: " + msg + " !!!!!\n");
            Assumptions.abort(msg);
        }
        return new BrowserHarness(node, chromium, playwright);
    }

    /**
     * Runs the script (a classpath resource of the calling test, e.g. {@code "browser/kiosk-buy.cjs"}) against
     * {@code url}; screenshots go to {@code outDir}, {@code params} reach the script as JSON.
     */
    public BrowserRun run(String scriptResource, String url, Path outDir, Map<String, ?> params) {
        try {
            Files.createDirectories(outDir);
            Path work = Files.createDirectories(outDir.resolve(".scripts"));
            Path lib = copy("/io/scenicpass/testing/browser/scenicpass-browser.cjs", work);
            Path script = copy(scriptResource.startsWith("/") ? scriptResource : "/" + scriptResource, work);
            ProcessBuilder pb = new ProcessBuilder(node.toString(), lib.toString()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("NODE_PATH", playwright.resolve("node_modules").toString());
            env.put("SCENICPASS_CHROMIUM", chromium.toString());
            env.put("SCENICPASS_SCRIPT", script.toString());
            env.put("SCENICPASS_URL", url);
            env.put("SCENICPASS_OUT", outDir.toAbsolutePath().toString());
            env.put("SCENICPASS_PARAMS", JSON.writeValueAsString(params));
            Path log = outDir.resolve(script.getFileName() + ".log");
            Process p = pb.redirectOutput(log.toFile()).start();
            if (!p.waitFor(RUN_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return failed("no answer within " + RUN_DEADLINE, log);
            }
            return parse(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static BrowserRun parse(String output) throws IOException {
        int at = output.lastIndexOf(MARK);
        if (at < 0) {
            return new BrowserRun(false, null, "the script printed no result", List.of(), List.of(), output);
        }
        String line = output.substring(at + MARK.length()).lines().findFirst().orElse("{}");
        JsonNode r = JSON.readTree(line);
        List<Path> shots = new ArrayList<>();
        r.path("screenshots").forEach(s -> shots.add(Paths.get(s.asText())));
        List<String> pageErrors = new ArrayList<>();
        r.path("pageErrors").forEach(s -> pageErrors.add(s.asText()));
        return new BrowserRun(
                r.path("ok").asBoolean(),
                r.path("result"),
                r.path("error").isNull() ? null : r.path("error").asText(),
                shots,
                pageErrors,
                output);
    }

    private static BrowserRun failed(String why, Path log) throws IOException {
        String out = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return new BrowserRun(false, null, why, List.of(), List.of(), out);
    }

    private static Path copy(String resource, Path dir) throws IOException {
        String name = resource.substring(1);
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(name);
        if (in == null) {
            in = BrowserHarness.class.getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalArgumentException("no browser script on the classpath: " + resource);
        }
        try (InputStream src = in) {
            Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
            Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static Optional<String> setting(String property, String envVar) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(envVar);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static Path defaultPlaywrightDir() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache == null || cache.isBlank()
                ? Paths.get(System.getProperty("user.home"), ".cache")
                : Paths.get(cache);
        return base.resolve("scenicpass/playwright");
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path f = Paths.get(dir, name);
            if (Files.isExecutable(f)) {
                return f;
            }
        }
        return null;
    }
}
