package io.scenicpass.server.visitors;

import io.scenicpass.core.DocumentType;
import io.scenicpass.server.identity.Documents;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.shop.account.Address;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The keyed hashes a visitor is found by, never reversible: a document's is the identity lookup hash
 * ({@code visitor_identity.lookup}); a phone's or email's is the shop account's address hash
 * ({@code shop_visitor.address_hash}), so an OTA contact and a shop account with the same phone meet; a member
 * code's is its own. Each is stored with its kind in {@code visitor_key}.
 */
public final class VisitorKeys {
    /** The kinds of key. */
    public enum Kind {
        DOC,
        PHONE,
        EMAIL,
        MEMBER
    }

    private final IdentityKeys keys;

    public VisitorKeys(IdentityKeys keys) {
        this.keys = keys;
    }

    /** The hashes of every part of the hint that is usable (an invalid document is refused with a typed 400). */
    public Map<String, Kind> of(VisitorHint h, LocalDate today) {
        Map<String, Kind> out = new LinkedHashMap<>();
        if (h == null) {
            return out;
        }
        if (h.documentType() != null && h.documentNumber() != null) {
            out.put(document(h.documentType(), h.documentNumber(), today), Kind.DOC);
        }
        put(out, phone(h.phone()), Kind.PHONE);
        put(out, email(h.email()), Kind.EMAIL);
        if (h.memberCode() != null && !h.memberCode().isBlank()) {
            out.put(member(h.memberCode()), Kind.MEMBER);
        }
        return out;
    }

    /** A document's lookup hash, after the identity feature's own validation and normalisation. */
    public String document(DocumentType type, String number, LocalDate today) {
        // the country only satisfies the passport's check: the lookup hash is over type and number
        String n = Documents.validate(new IdentityInput(type.name(), number, null, "ZZZ"), "document", today, false)
                .number();
        return keys.lookup(type, n);
    }

    /** A phone's hash: a mainland mobile as the shop hashes it, any other number by its digits; null if none. */
    public String phone(String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 40) {
            return null;
        }
        return Address.parse(phone)
                .filter(a -> a.kind() == Address.Kind.MOBILE)
                .map(a -> keys.digest(a.hashText()))
                .orElseGet(() -> {
                    String digits = phone.replaceAll("[^0-9]", "");
                    return digits.length() < 6 ? null : keys.digest("visitor-phone:" + digits);
                });
    }

    /** An email's hash as the shop hashes it (lower-cased); null if none or not an address. */
    public String email(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            return null;
        }
        return Address.parse(email.toLowerCase(Locale.ROOT))
                .map(a -> keys.digest(a.hashText()))
                .orElse(null);
    }

    /** A member code's hash. */
    public String member(String code) {
        return keys.digest("visitor-member:" + code.strip().toUpperCase(Locale.ROOT));
    }

    private static void put(Map<String, Kind> out, String hash, Kind kind) {
        if (hash != null) {
            out.put(hash, kind);
        }
    }
}
