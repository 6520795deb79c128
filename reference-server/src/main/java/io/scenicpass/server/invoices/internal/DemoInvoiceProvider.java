package io.scenicpass.server.invoices.internal;

import io.scenicpass.server.invoices.InvoiceProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The demo provider: no tax platform, the invoice is a PDF receipt rendered here with PDFBox in a Chinese font
 * ({@link CjkFont}), numbered {@code DEMO-<invoice id>} (so a repeated call answers the same number), and marked as
 * having no tax validity.
 */
public final class DemoInvoiceProvider implements InvoiceProvider {
    private static final float MARGIN = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CjkFont font;

    public DemoInvoiceProvider(CjkFont font) {
        this.font = font;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Issued issue(Request r) {
        String number = "DEMO-" + r.invoiceId();
        try (CjkFont.Opened ttf = font.open();
                PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, ttf.font(), true);
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Invoice " + number);
            info.setCreator("ScenicPass");
            Writer w = new Writer(doc, page, f);
            try (w.cs) {
                w.line(16, "电子发票（演示） E-invoice (demo)");
                w.gap(6);
                w.line(10, "发票号码 Number: " + number);
                w.line(10, "开票日期 Date: " + DAY.format(r.issuedAt().atZone(r.zone())));
                w.line(10, "销售方 Seller: " + r.seller());
                w.line(10, "订单 Order: " + r.orderReference());
                w.gap(6);
                w.wrapped(10, "购买方 Buyer: " + r.buyerTitle());
                if (r.taxNumber() != null) {
                    w.line(10, "纳税人识别号 Tax number: " + r.taxNumber());
                }
                w.gap(6);
                for (InvoiceProvider.Line l : r.lines()) {
                    w.wrapped(10, l.description());
                    w.line(10, "    " + l.quantity() + " × " + money(l.unitPriceFen()) + " = " + money(l.amountFen()));
                }
                w.gap(6);
                w.line(12, "合计 Total: " + r.currency() + " " + money(r.totalFen()));
                w.gap(12);
                w.line(8, "演示发票，无税务效力。 Demo invoice: not valid for tax purposes.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new Issued(number, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the invoice PDF", e);
        }
    }

    /** Fen as yuan with two decimals. */
    public static String money(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }

    /** Writes lines top-down on one page; characters the font lacks are shown as '?'. */
    private static final class Writer {
        final PDPageContentStream cs;
        final PDType0Font font;
        final float width;
        float y;

        Writer(PDDocument doc, PDPage page, PDType0Font font) throws IOException {
            this.cs = new PDPageContentStream(doc, page);
            this.font = font;
            this.width = page.getMediaBox().getWidth() - 2 * MARGIN;
            this.y = page.getMediaBox().getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(float size, String text) throws IOException {
            y -= size * 1.5f;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(printable(text));
            cs.endText();
        }

        /** A text over several lines when it is wider than the page. */
        void wrapped(float size, String text) throws IOException {
            String rest = printable(text);
            while (!rest.isEmpty()) {
                int end = rest.length();
                while (end > 1 && font.getStringWidth(rest.substring(0, end)) / 1000 * size > width) {
                    end = rest.offsetByCodePoints(end, -1);
                }
                line(size, rest.substring(0, end));
                rest = rest.substring(end);
            }
        }

        private String printable(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    b.append(c);
                } catch (IllegalArgumentException | IOException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }
}
