package io.scenicpass.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * An issuer's code book: small integers standing for its ids on passes, so a pass fits a smaller QR code.
 *
 * <p>In {@link Claims} a code is the id {@code "#" + code}; on the wire it is the CBOR negative integer
 * {@code -1 - code} (one byte for codes 0..23). Codes are per kind (issuer, product, zone, channel), assigned
 * by the issuer and never reused. {@link #resolve(Pass)} turns codes back into the ids they stand for, so
 * rules, entry events and displays see the same ids as for a pass carrying them in text; a code the book
 * does not know stays {@code "#n"} (and so matches no configured id). Immutable.
 */
public final class PassCodes {
    /** What a code stands for; its JSON name is the lower-case name. */
    public enum Kind {
        ISSUER,
        PRODUCT,
        ZONE,
        CHANNEL
    }

    /** The empty code book. */
    public static final PassCodes NONE = new PassCodes(new EnumMap<>(Kind.class));

    private final Map<Kind, Map<Integer, String>> ids;
    private final Map<Kind, Map<String, Integer>> codes;

    private PassCodes(Map<Kind, Map<Integer, String>> ids) {
        this.ids = ids;
        this.codes = new EnumMap<>(Kind.class);
        for (Map.Entry<Kind, Map<Integer, String>> e : ids.entrySet()) {
            Map<String, Integer> back = new HashMap<>();
            e.getValue().forEach((code, id) -> back.put(id, code));
            codes.put(e.getKey(), back);
        }
    }

    /**
     * Reads the wire form {@code {"zone": {"1": "park"}, …}}; unknown kinds are ignored (a newer issuer
     * may code more), entries that are not a code 0..2^31-1 with a non-empty id are skipped.
     */
    public static PassCodes of(Map<String, Map<String, String>> wire) {
        Map<Kind, Map<Integer, String>> ids = new EnumMap<>(Kind.class);
        if (wire != null) {
            for (Kind k : Kind.values()) {
                Map<String, String> m = wire.get(k.name().toLowerCase(java.util.Locale.ROOT));
                if (m == null) {
                    continue;
                }
                Map<Integer, String> byCode = new TreeMap<>();
                m.forEach((code, id) -> {
                    if (code != null && code.matches("0|[1-9][0-9]{0,8}") && id != null && !id.isEmpty()) {
                        byCode.put(Integer.parseInt(code), id);
                    }
                });
                ids.put(k, Collections.unmodifiableMap(byCode));
            }
        }
        return new PassCodes(ids);
    }

    /** The wire form (kinds in lower case, codes as decimal strings), for DeviceConfig and key set JSON. */
    public Map<String, Map<String, String>> toWire() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        ids.forEach((k, m) -> {
            Map<String, String> w = new LinkedHashMap<>();
            m.forEach((code, id) -> w.put(Integer.toString(code), id));
            out.put(k.name().toLowerCase(java.util.Locale.ROOT), w);
        });
        return out;
    }

    /** The id a pass carries for {@code id}: {@code "#" + code} when the book has a code for it, else the id. */
    public String encode(Kind kind, String id) {
        Integer code = codes.getOrDefault(kind, Collections.emptyMap()).get(id);
        return code == null ? id : "#" + code;
    }

    /** The id {@code ref} stands for: the id of a known code, else {@code ref} unchanged. */
    public String resolve(Kind kind, String ref) {
        if (ref == null || ref.length() < 2 || ref.charAt(0) != '#') {
            return ref;
        }
        try {
            String id = ids.getOrDefault(kind, Collections.emptyMap()).get(Integer.parseInt(ref.substring(1)));
            return id == null ? ref : id;
        } catch (NumberFormatException e) {
            return ref;
        }
    }

    /** Claims with every known code replaced by its id (issuer, product, zones, channel). */
    public Claims resolve(Claims c) {
        return ids.isEmpty() ? c : mapIds(c, this::resolve);
    }

    /** Claims with each id (issuer, product, every zone, channel) replaced by {@code f(kind, id)}. */
    public static Claims mapIds(Claims c, BiFunction<Kind, String, String> f) {
        List<ZoneAllowance> zones = new ArrayList<>();
        for (ZoneAllowance z : c.zones()) {
            zones.add(ZoneAllowance.of(f.apply(Kind.ZONE, z.zoneId()), z.entries()));
        }
        return c.toBuilder()
                .issuerId(f.apply(Kind.ISSUER, c.issuerId()))
                .productId(f.apply(Kind.PRODUCT, c.productId()))
                .zones(zones)
                .channelId(c.channelId().map(ch -> f.apply(Kind.CHANNEL, ch)).orElse(null))
                .build();
    }

    /** The same pass (bytes and signature untouched) with its codes resolved. */
    public Pass resolve(Pass p) {
        return ids.isEmpty() ? p : p.withClaims(resolve(p.claims()));
    }

    /** Claims with every id the book has a code for replaced by the code: what an issuer signs. */
    public Claims encode(Claims c) {
        return mapIds(c, this::encode);
    }

    /** Whether the book is empty. */
    public boolean isEmpty() {
        return ids.values().stream().allMatch(Map::isEmpty);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PassCodes && toWire().equals(((PassCodes) o).toWire());
    }

    @Override
    public int hashCode() {
        return toWire().hashCode();
    }

    @Override
    public String toString() {
        return "PassCodes" + toWire();
    }
}
