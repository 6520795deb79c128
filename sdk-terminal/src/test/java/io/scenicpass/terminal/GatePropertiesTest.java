package io.scenicpass.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever bytes or text a reader delivers, the gate answers with a journaled DENY and never throws; no
 * tampering with a valid pass's text admits a different pass.
 */
class GatePropertiesTest {
    private static Path dir;
    private static Gate gate;
    private static String validText;
    private static String validId;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("gate-props");
        GateFixture f = new GateFixture();
        gate = f.gate(dir);
        io.scenicpass.core.Pass pass = f.issue(f.claims()
                .entriesAllowed(0)
                .reentry(io.scenicpass.core.ReentryPolicy.UNLIMITED)
                .build());
        validText = pass.text();
        validId = pass.claims().passId();
    }

    @AfterContainer
    static void close() throws IOException {
        gate.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 300)
    void arbitraryQrTextIsDenied(@ForAll @StringLength(max = 600) String text) {
        Decision d = gate.decide(Credential.qr(text), GateContext.entry("main"));
        assertThat(d.admitted()).isFalse();
        assertThat(d.eventId()).isNotNull();
        assertThat(d.journalId()).isPositive();
    }

    @Property(tries = 300)
    void arbitraryNfcBytesAreDenied(@ForAll @Size(max = 600) byte[] raw) {
        Decision d = gate.decide(Credential.nfc(raw), GateContext.entry("main"));
        assertThat(d.admitted()).isFalse();
        assertThat(d.journalId()).isPositive();
    }

    @Property(tries = 300)
    void noOneCharacterChangeOfAValidPassAdmitsAnythingElse(@ForAll("positions") int pos, @ForAll("base45") char c) {
        if (validText.charAt(pos) == c) {
            return;
        }
        String mutated = validText.substring(0, pos) + c + validText.substring(pos + 1);
        Decision d = gate.decide(Credential.qr(mutated), GateContext.entry("main"));
        // only bytes outside the signed part (COSE unprotected header) could change without a denial, and
        // then the very same signed claims are admitted
        if (d.admitted()) {
            assertThat(d.pass().get().passId()).as("mutated at %d", pos).isEqualTo(validId);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> positions() {
        return net.jqwik.api.Arbitraries.integers().between(0, validText.length() - 1);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Character> base45() {
        return net.jqwik.api.Arbitraries.of(toChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"));
    }

    private static Character[] toChars(String s) {
        Character[] out = new Character[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = s.charAt(i);
        }
        return out;
    }
}
