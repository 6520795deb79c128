package io.scenicpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePassCommandTest {
    @TempDir
    Path dir;

    @Test
    void issuesVerifiesAndDrawsASamplePass() throws Exception {
        CliRun r = CliRun.run("", "sample-pass", "--out-dir", dir.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("SP1").contains("█").contains("verification: {");
        String json = r.out.substring(
                r.out.indexOf("verification: ") + 14, r.out.indexOf('\n', r.out.indexOf("verification: ")));
        JsonNode v = CredentialChecker.JSON.readTree(json);
        assertThat(v.path("decision").asText()).isEqualTo("ADMIT");
        assertThat(v.path("kind").asText()).isEqualTo("PASS");
        assertThat(v.path("pass").path("productId").asText()).isEqualTo("DAY-ADULT");

        String passText = Files.readString(dir.resolve("pass.txt")).trim();
        assertThat(r.out).contains(passText);
        CliRun verify = CliRun.run(
                passText + "\n",
                "verify",
                "--keyset",
                dir.resolve("keyset.json").toString(),
                "--root-key",
                dir.resolve("root.pub").toString());
        assertThat(verify.exit).as(verify.err).isZero();
        JsonNode line = CredentialChecker.JSON.readTree(verify.lines().get(0));
        assertThat(line.path("decision").asText()).isEqualTo("ADMIT");
        assertThat(line.path("pass").path("passId").asText())
                .isEqualTo(v.path("pass").path("passId").asText());
    }

    @Test
    void withoutQr() {
        CliRun r = CliRun.run("", "sample-pass", "--no-qr");
        assertThat(r.exit).isZero();
        assertThat(r.out).doesNotContain("█").contains("\"decision\":\"ADMIT\"");
    }
}
