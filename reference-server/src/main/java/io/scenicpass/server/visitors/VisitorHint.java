package io.scenicpass.server.visitors;

import io.scenicpass.core.DocumentType;

/**
 * What is known of a person when looking for their visitor record: any of a document, a phone, an email, a member
 * code or a shop account (null where unknown). The hub hashes them with the identity key (a shop account by its
 * address hash); they are never stored in clear.
 */
public record VisitorHint(
        DocumentType documentType,
        String documentNumber,
        String phone,
        String email,
        String memberCode,
        Long shopAccount) {

    public VisitorHint(
            DocumentType documentType, String documentNumber, String phone, String email, String memberCode) {
        this(documentType, documentNumber, phone, email, memberCode, null);
    }

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

    /** A signed-in shop account ({@code shop_visitor.id}): found by its address hash, the hub's PHONE or EMAIL key. */
    public static VisitorHint shopAccount(long id) {
        return new VisitorHint(null, null, null, null, null, id);
    }

    /** This hint with a document too (e.g. a shop account's first traveller's). */
    public VisitorHint withDocument(DocumentType type, String number) {
        return new VisitorHint(type, number, phone, email, memberCode, shopAccount);
    }

    @Override
    public String toString() {
        return "VisitorHint{" + (documentType != null ? "document " : "") + (phone != null ? "phone " : "")
                + (email != null ? "email " : "") + (memberCode != null ? "member " : "")
                + (shopAccount != null ? "shop" : "") + "}";
    }
}
