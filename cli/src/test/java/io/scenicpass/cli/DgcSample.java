package io.scenicpass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** One case of the EU DCC corpus (testdata/dgc), or null when the corpus is not beside the checkout. */
final class DgcSample {
    final String prefix;
    final String certificate;
    final String clock;
    final String familyName;
    final String dateOfBirth;
    final JsonNode node;

    private DgcSample(JsonNode n) {
        this.node = n;
        this.prefix = n.path("PREFIX").asText();
        this.certificate = n.path("TESTCTX").path("CERTIFICATE").asText();
        this.clock = n.path("TESTCTX").path("VALIDATIONCLOCK").asText();
        this.familyName = n.path("JSON").path("nam").path("fn").asText();
        this.dateOfBirth = n.path("JSON").path("dob").asText();
    }

    static Path folder() {
        String prop = System.getProperty("scenicpass.testdata");
        Path base = prop != null && !prop.isEmpty()
                ? Paths.get(prop)
                : Paths.get(System.getProperty("scenicpass.root", ".."), "..", "shared", "testdata");
        Path dgc = base.resolve("dgc");
        if (!Files.isDirectory(dgc)) {
            System.err.println("!!!!! testdata/dgc NOT FOUND at " + dgc + ": DCC tests of the cli SKIPPED !!!!!");
            return null;
        }
        return dgc;
    }

    static DgcSample load(String country, String set) throws IOException {
        Path dgc = folder();
        if (dgc == null) {
            return null;
        }
        return new DgcSample(CredentialChecker.JSON.readTree(Files.readAllBytes(
                dgc.resolve(country).resolve("2DCode").resolve("raw").resolve(set + ".json"))));
    }
}
