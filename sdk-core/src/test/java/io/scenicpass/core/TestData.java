package io.scenicpass.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared external corpora (system property scenicpass.testdata, else ../shared/testdata). */
public final class TestData {
    private TestData() {}

    /** The corpus folder; skips the test LOUDLY if absent. */
    public static Path dir(String sub) {
        String prop = System.getProperty("scenicpass.testdata");
        Path base = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared", "testdata");
        Path p = base.resolve(sub);
        if (!Files.isDirectory(p)) {
            System.err.println("!!!!! SKIPPING: external test corpus not found at " + p.toAbsolutePath() + " !!!!!");
            Assumptions.assumeTrue(false, "external test corpus missing: " + p.toAbsolutePath());
        }
        return p;
    }

    /** JSON files in a corpus folder, sorted. */
    public static List<Path> jsonFiles(String sub) {
        try (Stream<Path> s = Files.list(dir(sub))) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON file. */
    public static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
