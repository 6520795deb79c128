package io.scenicpass.terminal.device.nfc;

import java.util.Optional;

/** What was read from a contactless card: its UID and, if the card carries one, the pass from its NDEF message. */
public final class NfcCardData {
    private final String uid;
    private final String passText;
    private final byte[] passBytes;

    NfcCardData(String uid, String passText, byte[] passBytes) {
        this.uid = uid;
        this.passText = passText;
        this.passBytes = passBytes;
    }

    /** Card UID, upper-case hex (empty if the reader could not report it). */
    public String uid() {
        return uid;
    }

    /** The pass text from an NDEF text record ({@code SP1…}), if present. */
    public Optional<String> passText() {
        return Optional.ofNullable(passText);
    }

    /** Raw pass bytes from a MIME record {@value NfcTagReader#PASS_MIME_TYPE} (COSE), if present. */
    public Optional<byte[]> passBytes() {
        return passBytes == null ? Optional.empty() : Optional.of(passBytes.clone());
    }

    @Override
    public String toString() {
        return "NfcCardData{uid=" + uid + ", pass=" + (passText != null || passBytes != null) + "}";
    }
}
