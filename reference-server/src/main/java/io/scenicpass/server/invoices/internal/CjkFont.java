package io.scenicpass.server.invoices.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The font the invoice PDFs are written in: a TrueType font (glyf outlines) with Chinese glyphs. PDFBox embeds only
 * the glyphs used from such a font; it cannot subset CFF-based OpenType fonts (Noto CJK), which would put the whole
 * 16 MB font into every PDF. Debian: {@code fonts-wqy-microhei} ({@code ./scenicpass test} installs it).
 */
public final class CjkFont {
    /** Looked for in this order when {@code invoices.font} is not set. */
    public static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("C:/Windows/Fonts/simsun.ttc"));

    private final Path file;

    private CjkFont(Path file) {
        this.file = file;
    }

    /** The configured font (which must exist), or the first candidate found; empty when there is none. */
    public static Optional<CjkFont> find(Path configured) {
        if (configured != null) {
            if (!Files.isReadable(configured)) {
                throw new IllegalArgumentException("invoices.font " + configured + " is not a readable font file");
            }
            return Optional.of(new CjkFont(configured));
        }
        return CANDIDATES.stream().filter(Files::isReadable).findFirst().map(CjkFont::new);
    }

    public Path file() {
        return file;
    }

    /** A font opened for one document; close it after the document is saved (subsetting reads it). */
    public interface Opened extends AutoCloseable {
        TrueTypeFont font();

        @Override
        void close() throws IOException;
    }

    /** Opens the font (from a collection: its first face with TrueType outlines). */
    public Opened open() {
        try {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(f -> {
                    if (first[0] == null && !(f instanceof OpenTypeFont o && o.isPostScript())) {
                        first[0] = f;
                    }
                });
                if (first[0] == null) {
                    ttc.close();
                    throw new IllegalStateException(file + " has no TrueType-outline face PDFBox can subset");
                }
                return opened(first[0], ttc::close);
            }
            TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(new File(file.toString())));
            if (f instanceof OpenTypeFont o && o.isPostScript()) {
                f.close();
                throw new IllegalStateException(file + " has CFF outlines, which PDFBox cannot subset");
            }
            return opened(f, f::close);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice font " + file, e);
        }
    }

    private interface Closer {
        void close() throws IOException;
    }

    private static Opened opened(TrueTypeFont f, Closer closer) {
        return new Opened() {
            @Override
            public TrueTypeFont font() {
                return f;
            }

            @Override
            public void close() throws IOException {
                closer.close();
            }
        };
    }
}
