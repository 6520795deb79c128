package io.scenicpass.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.Ids;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.terminal.health.DccTrustList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sample-pass}: issue a day pass with throw-away keys and verify it, as a first look at the format. */
@Command(
        name = "sample-pass",
        mixinStandardHelpOptions = true,
        description = {
            "Issues a sample day pass with throw-away keys (a root key signing a key set, an issuer key",
            "signing the pass), prints its QR text and code, and verifies it the way verify does."
        })
final class SamplePassCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--out-dir",
            paramLabel = "DIR",
            description = "Also write keyset.json, root.pub and pass.txt there, to try verify on them.")
    Path outDir;

    @Option(names = "--no-qr", description = "Do not draw the QR code.")
    boolean noQr;

    @Option(names = "--dark-on-light", description = "Draw dark modules as blocks (for light terminal backgrounds).")
    boolean darkOnLight;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SecureRandom random = new SecureRandom();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IssuerKey root = IssuerKey.generate(random);
        IssuerKey issuer = IssuerKey.generate(random);
        SignedKeySet keySet = KeySet.of(
                        1,
                        now,
                        List.of(issuer.toPublicEntry(
                                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), KeyStatus.ACTIVE)))
                .sign(root);
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Claims claims = Claims.builder()
                .passId(new Ids(clock, random).passId())
                .issuerId("demo-area")
                .productId("DAY-ADULT")
                .kind(PassKind.DAY)
                .validFrom(day)
                .validUntil(day.plus(Duration.ofDays(1)))
                .entriesAllowed(1)
                .reentry(ReentryPolicy.SINGLE)
                .partySize(1)
                .channelId("sample")
                .issuedAt(now)
                .build();
        Pass pass = new PassIssuer(issuer).issue(claims);

        out.println("ScenicPass sample pass (throw-away keys: valid nowhere else)");
        out.println("  pass id : " + claims.passId());
        out.println("  product : " + claims.productId() + " (" + claims.kind() + "), valid " + claims.validFrom()
                + " .. " + claims.validUntil());
        out.println("  signed  : " + pass.algorithm() + " by key " + pass.keyId());
        out.println("  size    : " + pass.text().length() + " characters of QR text, " + pass.encoded().length
                + " bytes on NFC");
        out.println();
        out.println(pass.text());
        out.println();
        if (!noQr) {
            out.print(QrText.render(pass.text(), !darkOnLight));
            out.println();
        }
        ObjectNode verdict =
                new CredentialChecker(keySet.verify(root.publicKey()), DccTrustList.empty()).check(pass.text(), now);
        try {
            out.println("verification: " + CredentialChecker.JSON.writeValueAsString(verdict));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
                Files.writeString(outDir.resolve("keyset.json"), keySet.toJson(), StandardCharsets.UTF_8);
                Files.writeString(
                        outDir.resolve("root.pub"),
                        Base64.getEncoder().encodeToString(root.publicKey()) + "\n",
                        StandardCharsets.UTF_8);
                Files.writeString(outDir.resolve("pass.txt"), pass.text() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("sample-pass: cannot write " + outDir + ": " + e.getMessage());
                return Main.USAGE;
            }
            out.println();
            out.println("wrote " + outDir.resolve("keyset.json") + ", root.pub, pass.txt; try:");
            out.println("  ./scenicpass verify --keyset " + outDir.resolve("keyset.json") + " --root-key "
                    + outDir.resolve("root.pub") + " < " + outDir.resolve("pass.txt"));
        }
        out.flush();
        return "ADMIT".equals(verdict.path("decision").asText()) ? 0 : 1;
    }
}
