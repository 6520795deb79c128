package io.scenicpass.server.invoices;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a buyer asks for: the invoice title (a person's or a company's name), the tax number (统一社会信用代码,
 * optional for individuals) and the email the PDF goes to. {@link #validated} trims and checks it, or throws a typed
 * 400 whose {@link Field} the visitor's page shows in the visitor's language.
 */
public record InvoiceInput(String buyerTitle, String taxNumber, String email) {
    /** The field a refusal is about. */
    public enum Field {
        BUYER_TITLE,
        TAX_NUMBER,
        EMAIL
    }

    /** A refused input: a 400 naming its field. */
    public static final class Refused extends RuntimeException {
        public final Field field;

        Refused(Field field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        /** As the APIs' typed error. */
        public ServiceException asServiceException() {
            return new ServiceException(Problem.BAD_REQUEST, getMessage());
        }
    }

    static final int MAX_TITLE = 100;
    /** 15, 18 or 20 letters and digits: the old tax registration numbers and the unified social credit code. */
    private static final Pattern TAX = Pattern.compile("[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20}");

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

    /** The input trimmed (tax number upper-cased, blank as null) once every field is valid. */
    public InvoiceInput validated() {
        String title = buyerTitle == null ? "" : buyerTitle.strip();
        if (title.isEmpty()) {
            throw new Refused(Field.BUYER_TITLE, "buyerTitle is required");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            throw new Refused(Field.BUYER_TITLE, "buyerTitle must be at most " + MAX_TITLE + " printable characters");
        }
        String tax = taxNumber == null || taxNumber.isBlank()
                ? null
                : taxNumber.strip().toUpperCase(Locale.ROOT);
        if (tax != null && !TAX.matcher(tax).matches()) {
            throw new Refused(Field.TAX_NUMBER, "taxNumber must be 15, 18 or 20 letters and digits");
        }
        String mail = email == null ? "" : email.strip();
        if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
            throw new Refused(Field.EMAIL, "email must be an address such as name@example.com");
        }
        return new InvoiceInput(title, tax, mail);
    }
}
