package io.scenicpass.terminal.device.nfc;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An NFC Forum Type 4 tag emulated at the APDU level (no reader needed). */
final class FakeType4Tag implements NfcCard {
    private static final byte[] OK = {(byte) 0x90, 0x00};
    private static final byte[] NOT_FOUND = {0x6A, (byte) 0x82};

    private final byte[] uid;
    private final byte[] ndefFile; // NLEN + message, or null for a card without NDEF
    private final int maxLe;
    private int selected = -1;
    boolean removed;
    boolean failOnRead;
    final List<byte[]> apdus = new ArrayList<>();

    FakeType4Tag(byte[] uid, byte[] ndefMessage, int maxLe) {
        this.uid = uid;
        this.maxLe = maxLe;
        if (ndefMessage == null) {
            ndefFile = null;
        } else {
            ndefFile = new byte[ndefMessage.length + 2];
            ndefFile[0] = (byte) (ndefMessage.length >> 8);
            ndefFile[1] = (byte) ndefMessage.length;
            System.arraycopy(ndefMessage, 0, ndefFile, 2, ndefMessage.length);
        }
    }

    private byte[] cc() {
        return new byte[] {
            0x00,
            0x0F,
            0x20,
            (byte) (maxLe >> 8),
            (byte) maxLe,
            0x00,
            (byte) 0xFF,
            0x04,
            0x06,
            (byte) 0xE1,
            0x04,
            0x10,
            0x00,
            0x00,
            (byte) 0xFF
        };
    }

    @Override
    public byte[] transmit(byte[] c) throws NfcReadException {
        apdus.add(c.clone());
        if (failOnRead && c[1] == (byte) 0xB0) {
            throw new NfcReadException(DeviceFaultCode.DISCONNECTED, "card left the field");
        }
        if (c[0] == (byte) 0xFF && c[1] == (byte) 0xCA) {
            return concat(uid, OK);
        }
        if (c[1] == (byte) 0xA4 && c[2] == 0x04) {
            return ndefFile == null ? NOT_FOUND : OK;
        }
        if (c[1] == (byte) 0xA4 && c[2] == 0x00) {
            selected = ((c[5] & 0xFF) << 8) | (c[6] & 0xFF);
            return selected == 0xE103 || selected == 0xE104 ? OK : NOT_FOUND;
        }
        if (c[1] == (byte) 0xB0) {
            int off = ((c[2] & 0xFF) << 8) | (c[3] & 0xFF);
            int len = c[4] & 0xFF;
            if (len > maxLe) {
                return new byte[] {0x67, 0x00};
            }
            byte[] file = selected == 0xE103 ? cc() : ndefFile;
            int end = Math.min(file.length, off + len);
            return concat(Arrays.copyOfRange(file, off, end), OK);
        }
        return new byte[] {0x6D, 0x00};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public boolean awaitRemoval(Duration timeout) {
        removed = true; // the visitor takes the card away at once
        return true;
    }

    @Override
    public void close() {
        removed = true;
    }
}
