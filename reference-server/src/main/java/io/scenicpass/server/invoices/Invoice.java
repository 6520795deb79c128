package io.scenicpass.server.invoices;

import java.time.Instant;

/**
 * An invoice as every answer shows it: the buyer's title, tax number and email masked ({@code 杭*****},
 * {@code 9133**********012X}, {@code a***@example.com}; null once erased).
 */
public record Invoice(
        String id,
        String bookingId,
        State state,
        String source,
        String provider,
        String number,
        String currency,
        long totalFen,
        String buyerTitle,
        String taxNumber,
        String email,
        MailState mail,
        Instant createdAt,
        Instant issuedAt,
        Instant mailedAt,
        Instant erasedAt) {

    /** ISSUING: asked of the provider, not answered yet (a retry finishes it); ISSUED: number and PDF known. */
    public enum State {
        ISSUING,
        ISSUED
    }

    /**
     * OFF: mail not configured; PENDING: to be sent (retried by the invoice job); SENT; FAILED: given up after the
     * attempts; ERASED: the address was erased before it was sent.
     */
    public enum MailState {
        OFF,
        PENDING,
        SENT,
        FAILED,
        ERASED
    }

    /** Where the invoice was asked for. */
    public enum Source {
        KIOSK,
        VISITOR
    }

    /** The first character of a title, the rest as stars. */
    static String maskTitle(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int first = s.offsetByCodePoints(0, 1);
        return s.substring(0, first) + "*".repeat(s.codePointCount(first, s.length()));
    }

    /** The first four and last four characters of a tax number. */
    static String maskTax(String s) {
        if (s == null) {
            return null;
        }
        return s.substring(0, 4) + "*".repeat(s.length() - 8) + s.substring(s.length() - 4);
    }

    /** The first character of the mailbox, then {@code ***@} and the domain. */
    public static String maskEmail(String s) {
        if (s == null) {
            return null;
        }
        int at = s.lastIndexOf('@');
        return s.charAt(0) + "***" + s.substring(at);
    }
}
