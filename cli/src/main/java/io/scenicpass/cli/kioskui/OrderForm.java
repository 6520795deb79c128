package io.scenicpass.cli.kioskui;

import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import io.scenicpass.cli.kioskui.KioskBackend.Item;
import io.scenicpass.cli.kioskui.KioskBackend.Product;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order being put together, carried from screen to screen in the form itself (no session on the kiosk): the
 * sale id chosen on the units screen (a second tap books nothing twice), product, slot, and one entry per ticket with
 * its holder's document as far as it is filled in.
 */
public record OrderForm(String saleId, LocalDate date, String productId, String slotId, List<Entry> entries) {
    /** Most tickets one visitor buys at the kiosk in one go. */
    static final int MAX_TICKETS = 10;

    /** The document types the screen offers (sdk-core's DocumentType). */
    public static final List<String> TYPES = List.of("CN_ID", "PASSPORT", "HK_MO_PERMIT", "TW_PERMIT", "FOREIGNER_PR");

    /** One ticket: its unit and the document fields (blank until read or typed). */
    public record Entry(String unitId, String type, String number, String name, String birthDate) {
        public boolean complete() {
            return !type.isBlank() && !number.isBlank() && !name.isBlank();
        }

        boolean blank() {
            return number.isBlank() && name.isBlank() && birthDate.isBlank();
        }

        Entry with(Identity id) {
            return new Entry(
                    unitId,
                    id.type(),
                    id.number(),
                    id.name(),
                    id.birthDate() == null ? "" : id.birthDate().toString());
        }

        Identity identity() {
            LocalDate birth = null;
            if (!birthDate.isBlank()) {
                try {
                    birth = LocalDate.parse(birthDate.trim());
                } catch (DateTimeParseException e) {
                    throw new KioskError("BAD_BIRTH_DATE", "birth date is not YYYY-MM-DD: " + birthDate);
                }
            }
            return new Identity(type, number.trim(), name.trim(), birth);
        }
    }

    /** From the units screen: q.UNIT=n for each of the product's units. */
    static OrderForm fromQuantities(
            String saleId, LocalDate date, Product product, String slotId, Map<String, List<String>> form) {
        List<Entry> entries = new ArrayList<>();
        for (KioskBackend.Unit u : product.units()) {
            int n = quantity(first(form, "q." + u.id()));
            for (int i = 0; i < n; i++) {
                entries.add(new Entry(u.id(), "", "", "", ""));
            }
        }
        if (entries.isEmpty()) {
            throw new KioskError("EMPTY_ORDER", "choose at least one ticket");
        }
        if (entries.size() > MAX_TICKETS) {
            throw new KioskError("TOO_MANY_TICKETS", "at most " + MAX_TICKETS + " tickets at a time");
        }
        return new OrderForm(saleId, date, product.id(), slotId, entries);
    }

    /** From the documents screen: the hidden order fields and n entries (unit.i, type.i, number.i, name.i, birth.i). */
    static OrderForm fromDocuments(Map<String, List<String>> form) {
        int n = quantity(first(form, "n"));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new Entry(
                    first(form, "unit." + i),
                    first(form, "type." + i),
                    first(form, "number." + i),
                    first(form, "name." + i),
                    first(form, "birth." + i)));
        }
        if (entries.isEmpty() || entries.stream().anyMatch(e -> e.unitId().isBlank())) {
            throw new KioskError("EMPTY_ORDER", "choose at least one ticket");
        }
        return new OrderForm(
                required(form, "saleId"),
                day(required(form, "date")),
                required(form, "productId"),
                required(form, "slotId"),
                entries);
    }

    // what the documents screen shows of ticket i
    public int size() {
        return entries.size();
    }

    public String unitId(int i) {
        return entries.get(i).unitId();
    }

    public String unitName(Product p, int i) {
        return p.unit(unitId(i)).map(KioskBackend.Unit::name).orElse(unitId(i));
    }

    public String type(int i) {
        return entries.get(i).type();
    }

    public String number(int i) {
        return entries.get(i).number();
    }

    public String name(int i) {
        return entries.get(i).name();
    }

    public String birth(int i) {
        return entries.get(i).birthDate();
    }

    public boolean complete(int i) {
        return entries.get(i).complete();
    }

    OrderForm with(int index, Identity id) {
        List<Entry> copy = new ArrayList<>(entries);
        copy.set(index, copy.get(index).with(id));
        return new OrderForm(saleId, date, productId, slotId, copy);
    }

    /**
     * The items to sell: a ticket with its document when one is given (the server says which tickets need one: a
     * real-name product, a concession whose age the document proves); a half-filled document is refused here.
     */
    List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.complete() && !e.blank()) {
                throw new KioskError("DOCUMENT_INCOMPLETE", "a document needs its type, number and name");
            }
            items.add(new Item(e.unitId(), e.complete() ? e.identity() : null));
        }
        return items;
    }

    static LocalDate day(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new KioskError("BAD_DATE", "not a day (YYYY-MM-DD): " + s);
        }
    }

    private static int quantity(String s) {
        if (s.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 0 || n > MAX_TICKETS) {
                throw new KioskError("TOO_MANY_TICKETS", "at most " + MAX_TICKETS + " tickets at a time");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new KioskError("BAD_QUANTITY", "not a number of tickets: " + s);
        }
    }

    private static String required(Map<String, List<String>> form, String key) {
        String v = first(form, key);
        if (v.isBlank()) {
            throw new KioskError("BAD_FORM", "missing " + key);
        }
        return v;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }
}
