package io.scenicpass.terminal.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared external corpora (system property {@code scenicpass.testdata}). */
final class DocumentTestData {
    private DocumentTestData() {}

    static JsonNode load(String relative) throws IOException {
        String prop = System.getProperty("scenicpass.testdata");
        Path base = prop != null ? Paths.get(prop) : Paths.get("..", "shared", "testdata");
        if (!Files.isDirectory(base)) {
            base = Paths.get("..", "..", "shared", "testdata");
        }
        Path file = base.resolve(relative);
        if (!Files.isRegularFile(file)) {
            System.err.println("!!!!!! SKIPPING: shared test corpus not found at " + file.toAbsolutePath()
                    + " (set -Dscenicpass.testdata) !!!!!!");
            Assumptions.abort("test corpus missing: " + file);
        }
        return new ObjectMapper().readTree(file.toFile());
    }
}
