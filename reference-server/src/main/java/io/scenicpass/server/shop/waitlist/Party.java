package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.shop.waitlist.WaitlistRefusal.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A party on a waiting list: how many of each unit (e.g. 2 adults, 1 child) of the slot's option. Stored as
 * "unitId=count" lines; an offer holds one unit item per person.
 */
public record Party(Map<String, Integer> counts) {
    /** Most people one party may be. */
    public static final int MAX_PEOPLE = 10;

    public Party {
        counts = Map.copyOf(new LinkedHashMap<>(counts));
    }

    /** The party asked for: counts as typed (blank = 0) per unit of {@code option}; refused when invalid. */
    public static Party of(Map<String, String> typed, CatalogueService.OptionView option) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : typed.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            if (v.isEmpty()) {
                continue;
            }
            if (option.unit(e.getKey()) == null) {
                throw new WaitlistRefusal(Code.WAITLIST_BAD_PARTY, "unknown unit " + e.getKey());
            }
            if (!v.matches("\\d{1,3}")) {
                throw new WaitlistRefusal(Code.WAITLIST_BAD_PARTY, "a count is a whole number: " + e.getKey());
            }
            int n = Integer.parseInt(v);
            if (n > 0) {
                counts.put(e.getKey(), n);
            }
        }
        Party p = new Party(counts);
        if (p.people() == 0) {
            throw new WaitlistRefusal(Code.WAITLIST_BAD_PARTY, "ask for at least one place");
        }
        if (p.people() > MAX_PEOPLE) {
            throw new WaitlistRefusal(
                    Code.WAITLIST_TOO_MANY_UNITS, "a party on the waiting list is at most " + MAX_PEOPLE + " people");
        }
        return p;
    }

    /** How many people (places) the party needs. */
    public int people() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The stored form: "unitId=count" lines in unit order. */
    public String stored() {
        StringBuilder b = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e ->
                        b.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        return b.toString();
    }

    /** Reads {@link #stored()} back. */
    public static Party parse(String stored) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : stored.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) {
                counts.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1)));
            }
        }
        return new Party(counts);
    }

    /** One unit item per person, for the offer's hold (in unit order). */
    public List<BookingCommands.Item> items() {
        List<BookingCommands.Item> out = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (int i = 0; i < e.getValue(); i++) {
                out.add(new BookingCommands.Item(e.getKey(), null));
            }
        });
        return out;
    }
}
