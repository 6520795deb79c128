package io.scenicpass.terminal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningTest {
    private final FakeTerminalServer fake = new FakeTerminalServer();
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(fake);
        server.start();
    }

    @AfterEach
    void stop() {
        fake.close();
        server.close();
    }

    private String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Test
    void enrollmentQrGivesCredentialsStoredOwnerOnlyWithThePinnedRoot() throws Exception {
        CredentialStore store = new CredentialStore(dir.resolve("state/device.json"));
        String qr = base() + "/terminal/v1/enroll?token=" + FakeTerminalServer.ENROLL_TOKEN;

        DeviceCredentials creds = new Provisioning(store).enroll(qr, "Gate 3 north", "SP-G200");

        assertThat(creds.deviceId()).isEqualTo("dev-1");
        assertThat(creds.deviceToken()).isEqualTo(FakeTerminalServer.TOKEN);
        assertThat(creds.gateId()).isEqualTo("gate-1");
        assertThat(creds.serverUrl()).isEqualTo(base());
        assertThat(creds.rootPublicKey()).isEqualTo(fake.root.publicKey());
        assertThat(creds.toString()).doesNotContain(FakeTerminalServer.TOKEN);
        assertThat(store.load()).contains(creds);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                    .isEqualTo("rw-------");
        }
        String body = fake.requests.get(0).getBody().utf8();
        assertThat(body).contains("\"deviceName\":\"Gate 3 north\"").contains("\"deviceModel\":\"SP-G200\"");

        // a restart does not burn a new token: stored credentials come back without a request
        int before = fake.requests.size();
        assertThat(new Provisioning(store).enroll(qr, "Gate 3 north", "SP-G200"))
                .isEqualTo(creds);
        assertThat(fake.requests).hasSize(before);
    }

    @Test
    void bareTokenUsesTheConfiguredServerAndRefusedTokensAreTyped() {
        CredentialStore store = new CredentialStore(dir.resolve("device.json"));
        assertThatThrownBy(() -> new Provisioning(store).serverUrl(base()).enroll("wrong-token-1", "g", "m"))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.code()).isEqualTo(SyncErrorCode.ENROLLMENT_REFUSED);
                    assertThat(e.serverCode()).isEqualTo("ENROLLMENT_TOKEN_INVALID");
                });
        assertThat(store.load()).isEmpty();
        DeviceCredentials ok =
                new Provisioning(store).serverUrl(base()).enroll(FakeTerminalServer.ENROLL_TOKEN, "g", "m");
        assertThat(ok.deviceId()).isEqualTo("dev-1");
    }

    @Test
    void badCodesAreRejectedBeforeAnyRequest() {
        CredentialStore store = new CredentialStore(dir.resolve("device.json"));
        for (String bad :
                new String[] {"", "   ", "has spaces in it", base() + "/other?token=x", base() + "/terminal/v1/enroll"
                }) {
            assertThatThrownBy(() -> new Provisioning(store).serverUrl(base()).enroll(bad, "g", "m"))
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.code()).isEqualTo(SyncErrorCode.INVALID_INPUT));
        }
        assertThatThrownBy(() -> new Provisioning(store).enroll(FakeTerminalServer.ENROLL_TOKEN, "g", "m"))
                .as("bare token without a configured server")
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.code()).isEqualTo(SyncErrorCode.INVALID_INPUT));
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void enrollmentCodeParsesUrlWithPathPrefix() {
        EnrollmentCode c =
                EnrollmentCode.parse("https://tickets.example.com/park/terminal/v1/enroll?x=1&token=abc%2Bdef_123");
        assertThat(c.serverUrl()).hasValue("https://tickets.example.com/park");
        assertThat(c.token()).isEqualTo("abc+def_123");
        assertThat(c.toString()).doesNotContain("abc");
    }

    @Test
    void corruptCredentialFileIsATypedError() throws Exception {
        Path f = dir.resolve("device.json");
        Files.write(f, "{\"deviceId\":".getBytes());
        assertThatThrownBy(() -> new CredentialStore(f).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("enroll the device again");
    }
}
