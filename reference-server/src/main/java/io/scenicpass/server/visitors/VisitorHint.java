package io.scenicpass.server.visitors;

import io.scenicpass.core.DocumentType;

/**
 * What is known of a person when looking for their visitor record: any of a document, a phone, an email or a
 * member code (null where unknown). The hub hashes them with the identity key; they are never stored in clear.
 */
public record VisitorHint(
        DocumentType documentType, String documentNumber, String phone, String email, String memberCode) {

    public static VisitorHint document(DocumentType type, String number) {
        return new VisitorHint(type, number, null, null, null);
    }

    public static VisitorHint phone(String phone) {
        return new VisitorHint(null, null, phone, null, null);
    }

    public static VisitorHint email(String email) {
        return new VisitorHint(null, null, null, email, null);
    }

    public static VisitorHint memberCode(String code) {
        return new VisitorHint(null, null, null, null, code);
    }

    @Override
    public String toString() {
        return "VisitorHint{" + (documentType != null ? "document " : "") + (phone != null ? "phone " : "")
                + (email != null ? "email " : "") + (memberCode != null ? "member" : "") + "}";
    }
}
