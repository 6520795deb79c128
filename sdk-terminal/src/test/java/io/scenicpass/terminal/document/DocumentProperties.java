package io.scenicpass.terminal.document;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Nothing but DocumentException ever escapes the parsers, whatever the input. */
class DocumentProperties {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Property(tries = 200)
    void mrzParserOnlyThrowsDocumentException(@ForAll @Size(max = 4) List<@StringLength(max = 46) String> lines) {
        try {
            MrzDocument d = MrzParser.lenient().parse(lines);
            d.isValid();
        } catch (DocumentException expected) {
            // fine: typed error
        }
    }

    @Property(tries = 200)
    void mrzParserOnLayoutShapedNoise(
            @ForAll @StringLength(min = 44, max = 44) String a, @ForAll @StringLength(min = 44, max = 44) String b) {
        try {
            MrzParser.strict().parse(List.of(a, b));
        } catch (DocumentException expected) {
            // fine (e.g. blank lines make it the wrong layout)
        }
    }

    @Property(tries = 200)
    void idNumberOnlyThrowsDocumentException(@ForAll @StringLength(max = 20) String s) {
        try {
            ChineseIdNumber.parse(s, TODAY);
        } catch (DocumentException expected) {
            // fine
        }
        try {
            ChineseIdNumber.upgradeLegacy(s, TODAY);
        } catch (DocumentException expected) {
            // fine
        }
    }

    @Property(tries = 300)
    void idCardTextOnlyThrowsDocumentException(@ForAll @Size(min = 256, max = 256) List<Byte> bytes) {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = bytes.get(i);
        }
        try {
            IdCardText.parse(b, new byte[0], TODAY);
        } catch (DocumentException expected) {
            // fine
        }
    }
}
