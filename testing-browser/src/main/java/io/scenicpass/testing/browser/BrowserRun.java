package io.scenicpass.testing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What one browser script gave back: {@code ok} with its JSON {@code result}, or the {@code error} (a screenshot named
 * {@code failure.png} is then among the screenshots); uncaught page errors; the node process's whole output.
 */
public record BrowserRun(
        boolean ok, JsonNode result, String error, List<Path> screenshots, List<String> pageErrors, String output) {

    /** The result, or an AssertionError with the script's error and output when it failed. */
    public JsonNode orFail() {
        if (!ok) {
            throw new AssertionError("browser script failed: " + error + "\nscreenshots: " + screenshots
                    + "\n--- node output ---\n" + output);
        }
        return result;
    }
}
