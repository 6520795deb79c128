package io.scenicpass.server.invoices.http;

/**
 * What the visitor's invoice page shows ({@code src/main/jte/invoices/page.jte}): an error (a code and its text in
 * the page's language), the order, and either the form or the issued invoice.
 */
public record PageModel(
        PageTexts t, String token, String errorCode, String errorText, Summary summary, Form form, Done done) {
    /** The order being invoiced. */
    public record Summary(String order, String visit, String total) {}

    /** The form's values as given, and the field that was refused (null: none). */
    public record Form(String buyerTitle, String taxNumber, String email, String badField) {
        /** {@code "true"} for the refused field (its {@code aria-invalid}), else {@code "false"}. */
        public String bad(String field) {
            return Boolean.toString(field.equals(badField));
        }
    }

    /** The issued invoice: its number, what happened to the mail, the PDF's address. */
    public record Done(String number, String mail, String pdfUrl) {}
}
