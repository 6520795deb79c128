package io.scenicpass.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The OCTO project's published zod schemas ({@code @octocloud/types}), run with the machine's node by
 * {@code src/test/resources/octo-contract/validate.cjs}. {@code ./scenicpass test} installs the npm package outside
 * the repository ({@code $SCENICPASS_OCTO_SCHEMAS}, default {@code ~/.cache/scenicpass/octo-schemas}).
 */
public final class OctoSchemas {
    private final Path installDir;
    private final Path script;
    private final ArrayNode cases = TestServer.MAPPER.createArrayNode();

    private OctoSchemas(Path installDir, Path script) {
        this.installDir = installDir;
        this.script = script;
    }

    /** Why the schemas cannot run here (node or the package missing), or null when they can. */
    public static String unavailable() {
        if (!onPath("node")) {
            return "node is not installed (./scenicpass test installs it)";
        }
        if (!Files.isDirectory(installDir().resolve("node_modules/@octocloud/types"))) {
            return "@octocloud/types is not installed in " + installDir() + " (./scenicpass test installs it)";
        }
        return null;
    }

    public static OctoSchemas create() {
        // the script may sit in a jar (the server's test-jar, as the journeys see it): copy it beside node_modules,
        // so that node resolves @octocloud/types from the install directory either way
        try (java.io.InputStream in = OctoSchemas.class.getResourceAsStream("/octo-contract/validate.cjs")) {
            if (in == null) {
                throw new IllegalStateException("octo-contract/validate.cjs is not on the test classpath");
            }
            Path dir = installDir();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "validate", ".cjs.tmp");
            Files.write(tmp, in.readAllBytes());
            Path script = dir.resolve("validate.cjs");
            Files.move(
                    tmp,
                    script,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new OctoSchemas(dir, script);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path installDir() {
        String dir = System.getenv("SCENICPASS_OCTO_SCHEMAS");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("scenicpass").resolve("octo-schemas");
    }

    /** Queues {@code body} to be checked against the zod schema {@code schema} (e.g. {@code zBooking}). */
    public void expect(String name, String schema, JsonNode body) {
        ObjectNode c = cases.addObject();
        c.put("name", name);
        c.put("schema", schema);
        c.set("body", body);
    }

    public int size() {
        return cases.size();
    }

    /** Runs every queued case through node; the script's answer {@code {version, checked, failures}}. */
    public JsonNode check() {
        try {
            Process p = new ProcessBuilder("node", script.toString(), installDir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(TestServer.MAPPER.writeValueAsBytes(cases));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() > 1) {
                p.destroyForcibly();
                throw new AssertionError(
                        "validate.cjs failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + "): " + out);
            }
            return TestServer.MAPPER.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
