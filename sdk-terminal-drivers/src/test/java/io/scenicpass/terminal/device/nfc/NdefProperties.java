package io.scenicpass.terminal.device.nfc;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class NdefProperties {
    @Property(tries = 500)
    void arbitraryNdefBytesGiveATypedErrorOrAResult(@ForAll @Size(max = 200) List<Byte> bytes) {
        byte[] m = new byte[bytes.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = bytes.get(i);
        }
        try {
            NfcTagReader.parsePass(m);
        } catch (NfcReadException expected) {
            // fine: typed error
        }
    }
}
