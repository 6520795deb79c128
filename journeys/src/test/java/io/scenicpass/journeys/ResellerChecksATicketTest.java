package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, pass size: Ctrip sells a park ticket and a park + cable car ticket; its app checks that the tickets are
 * genuine and reads what they are with the park's public key set (no gate credentials), each QR fits version 7; at
 * the gates the park ticket enters at the north gate and is refused at the cable car station, the cable car ticket
 * enters there.
 */
class ResellerChecksATicketTest {
    @TempDir
    Path dir;

    @Test
    void theResellersAppVerifiesTheTicketsAndTheGatesReadThemAsBefore() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            OtaBookingFlow.Result entry = new OtaBookingFlow(ctrip, park.clock, quiet).run("park-entry", 1, "CT-2001");
            OtaBookingFlow.Result cable =
                    new OtaBookingFlow(ctrip, park.clock, quiet).run("park-cablecar", 1, "CT-2002");

            // the reseller's app: the public key set, checked against the park's root key it pinned
            TestServer.Answer published = park.server.get("/.well-known/scenicpass/keyset", null);
            assertThat(published.status()).isEqualTo(200);
            byte[] root = Base64.getDecoder()
                    .decode(published.json().get("rootPublicKey").asText());
            assertThat(root).isEqualTo(park.server.server.keys().root().publicKey());
            KeySet keys = SignedKeySet.fromJson(published.body()).verify(root);
            PassVerifier verifier = new PassVerifier(keys);
            Pass ticket = keys.codes().resolve(verifier.decodeAndVerify(entry.qrCodes.get(0), park.clock.instant()));
            assertThat(ticket.claims().productId()).isEqualTo("park-entry");
            assertThat(ticket.claims().onlinePreferred()).isTrue(); // gates claim it at the server when they can
            assertThat(entry.qrCodes.get(0)).as("fits a version-7 QR code").hasSizeLessThanOrEqualTo(178);
            assertThat(cable.qrCodes.get(0)).hasSizeLessThanOrEqualTo(178);

            park.timeIs(entry.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            EmbeddedGate cableway = park.gate("gate-cableway");
            assertThat(north.start().success()).isTrue();
            assertThat(cableway.start().success()).isTrue();
            Decision parkOnly = cableway.scan(entry.qrCodes.get(0));
            assertThat(parkOnly.reason()).as("%s", parkOnly).isEqualTo("WRONG_ZONE");
            Decision in = north.scan(entry.qrCodes.get(0));
            assertThat(in.admitted()).as("%s", in).isTrue();
            assertThat(in.pass().orElseThrow().productId()).isEqualTo("park-entry");

            park.timeIs(cable.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            Decision up = cableway.scan(cable.qrCodes.get(0));
            assertThat(up.admitted()).as("%s", up).isTrue();
            assertThat(up.pass().orElseThrow().productId()).isEqualTo("park-cablecar");
        }
    }
}
