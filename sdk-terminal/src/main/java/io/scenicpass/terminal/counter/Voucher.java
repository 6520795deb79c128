package io.scenicpass.terminal.counter;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A partner's voucher of a paid package sale (a hotel night, a bus or cable-car seat): printed or shown with the
 * tickets; the partner's staff check its code. {@code url} is the voucher's page on the server (relative).
 */
public final class Voucher {
    private final String code;
    private final String item;
    private final LocalDate day;
    private final int places;
    private final String url;

    /**
     * @param code the voucher code the partner checks
     * @param item the partner's item (e.g. Double room)
     * @param day the day it is for
     * @param places how many places it holds
     * @param url the voucher's page, relative to the server (e.g. {@code /package-vouchers/PV…})
     */
    public Voucher(String code, String item, LocalDate day, int places, String url) {
        this.code = Objects.requireNonNull(code, "code");
        this.item = item == null ? "" : item;
        this.day = day;
        this.places = places;
        this.url = url;
    }

    /** @return the voucher code */
    public String code() {
        return code;
    }

    /** @return the partner's item */
    public String item() {
        return item;
    }

    /** @return the day it is for (null if the server gave none) */
    public LocalDate day() {
        return day;
    }

    /** @return how many places it holds */
    public int places() {
        return places;
    }

    /** @return the voucher's page, relative to the server (null if none) */
    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return "Voucher{" + item + ", " + day + ", " + places + "}";
    }
}
