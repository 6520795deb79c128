package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/protocol.md shows the real sizes and the real vectors (regenerate with PassSamples.main). */
class ProtocolDocTest {
    @Test
    void sizesTableAndVectorsMatchTheCode() throws Exception {
        Path doc = Paths.get(System.getProperty("scenicpass.root", ".."), "docs", "protocol.md");
        if (!Files.exists(doc)) {
            doc = Paths.get("..", "docs", "protocol.md");
        }
        Assumptions.assumeTrue(Files.exists(doc), "docs/protocol.md not found");
        String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8).replace("**", "");
        PassIssuer issuer = new PassIssuer(PassSamples.key());
        for (Map.Entry<String, Claims> e : PassSamples.all().entrySet()) {
            Pass p = issuer.issue(e.getValue());
            String row = "| " + e.getKey() + " | " + PassCodecTest.payloadLength(p) + " | " + p.encodedLength() + " | "
                    + p.text().length() + " |";
            assertThat(text).as("size row").contains(row);
            assertThat(text).as("vector of " + e.getKey()).contains("`" + p.text() + "`");
        }
        assertThat(text).contains(PassSamples.key().keyId()).contains(IdsAndBindingTest.BINDING_VECTOR);
    }
}
