package io.scenicpass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.terminal.health.DccTrustList;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code verify}: credentials on stdin, one per line; one JSON decision per line on stdout. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Reads credentials on standard input, one per line: a pass (SP1…), a health certificate (HC1:…),",
            "or a JSON object {\"credential\": \"…\", \"at\": \"<ISO-8601>\"}. Prints one JSON object per line with",
            "decision (ADMIT|DENY), reason, kind (PASS|HEALTH_CERT|UNKNOWN), message and the pass summary.",
            "Passes get a stateless check: signature, key status and validity window (no revocation or entry count)."
        })
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--keyset", paramLabel = "FILE", description = "Signed key set JSON (needs --root-key).")
    Path keySetFile;

    @Option(
            names = "--root-key",
            paramLabel = "FILE",
            description = "Pinned root public key: base64 of the raw 32 bytes.")
    Path rootKeyFile;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Fetch the key set from this ScenicPass server (needs --root-key or --credentials).")
    String server;

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "An enrolled gate's device.json: server, device token and pinned root key.")
    Path credentialsFile;

    @Option(names = "--device-token", paramLabel = "TOKEN", description = "Device token for --server.")
    String deviceToken;

    @Option(
            names = "--dcc-trust",
            paramLabel = "FILE",
            description = "Health-certificate signer certificates: PEM or one base64 DER per line.")
    Path dccTrustFile;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description = "Verification time (ISO-8601); default now. A line's \"at\" wins.")
    String at;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CredentialChecker checker;
        Instant defaultAt;
        try {
            defaultAt =
                    at == null ? clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : Times.parse(at);
            checker = new CredentialChecker(
                    loadKeySet(), dccTrustFile == null ? DccTrustList.empty() : DccTrustList.load(dccTrustFile));
        } catch (UsageException | IllegalArgumentException | IOException | ScenicPassException e) {
            err.println("verify: " + message(e));
            return Main.USAGE;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(main.stdin(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.trim().isEmpty()) {
                    continue;
                }
                ObjectNode result = CredentialChecker.JSON.createObjectNode();
                result.put("line", number);
                result.setAll(checkLine(checker, line, defaultAt));
                out.println(CredentialChecker.JSON.writeValueAsString(result));
                out.flush();
            }
        } catch (IOException e) {
            err.println("verify: cannot read standard input: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static ObjectNode checkLine(CredentialChecker checker, String line, Instant defaultAt) {
        String t = line.trim();
        if (!t.startsWith("{")) {
            return checker.check(t, defaultAt);
        }
        JsonNode n;
        try {
            n = CredentialChecker.JSON.readTree(t);
        } catch (IOException e) {
            return CredentialChecker.result("UNKNOWN", false, Reason.MALFORMED, "line is not valid JSON");
        }
        JsonNode credential = n.path("credential");
        if (!credential.isTextual()) {
            return CredentialChecker.result(
                    "UNKNOWN", false, Reason.MALFORMED, "JSON line needs a \"credential\" string");
        }
        Instant when = defaultAt;
        JsonNode atNode = n.path("at");
        if (!atNode.isMissingNode() && !atNode.isNull()) {
            try {
                when = Times.parse(atNode.asText());
            } catch (IllegalArgumentException e) {
                return CredentialChecker.result("UNKNOWN", false, Reason.MALFORMED, "\"at\" is not an ISO-8601 time");
            }
        }
        return checker.check(credential.asText(), when);
    }

    private KeySet loadKeySet() throws IOException {
        DeviceCredentials creds = credentialsFile == null
                ? null
                : new CredentialStore(credentialsFile)
                        .load()
                        .orElseThrow(() -> new UsageException("no credentials in " + credentialsFile));
        byte[] root = rootKeyFile != null ? readRootKey(rootKeyFile) : creds != null ? creds.rootPublicKey() : null;
        String url = server != null ? server : null;
        if (keySetFile != null && url != null) {
            throw new UsageException("use either --keyset or --server, not both");
        }
        if (keySetFile == null && url == null && creds != null) {
            url = creds.serverUrl();
        }
        if (keySetFile == null && url == null) {
            return null;
        }
        if (root == null) {
            throw new UsageException("the key set must be checked against a pinned root key: add --root-key FILE");
        }
        String json = keySetFile != null
                ? Files.readString(keySetFile, StandardCharsets.UTF_8)
                : fetchKeySet(url, deviceToken != null ? deviceToken : creds != null ? creds.deviceToken() : null);
        return SignedKeySet.fromJson(json).verify(root);
    }

    private static byte[] readRootKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--root-key " + file + " is not base64");
        }
        if (raw.length != 32) {
            throw new UsageException(
                    "--root-key must hold the raw 32-byte Ed25519 public key, got " + raw.length + " bytes");
        }
        return raw;
    }

    private static String fetchKeySet(String server, String token) throws IOException {
        HttpUrl base = HttpUrl.parse(server);
        if (base == null) {
            throw new UsageException("--server is not an http(s) URL: " + server);
        }
        HttpUrl url = base.newBuilder().addPathSegments("terminal/v1/keyset").build();
        Request.Builder rb = new Request.Builder().url(url).header("Accept", "application/json");
        if (token != null) {
            rb.header("Authorization", WireHeaders.AUTHORIZATION_SCHEME + " " + token);
        }
        OkHttpClient http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
        try (Response r = http.newCall(rb.build()).execute()) {
            if (!r.isSuccessful()) {
                throw new UsageException("GET " + url + " answered HTTP " + r.code());
            }
            return r.body().string();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static String message(Exception e) {
        if (e instanceof ScenicPassException) {
            return "key set rejected (" + ((ScenicPassException) e).code() + "): " + e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        return e.getMessage();
    }

    /** A wrong combination of options or an unusable input file. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
