package io.scenicpass.channel;

import java.time.LocalDate;

/**
 * Filters for {@code GET /bookings}. OCTO requires at least one of: resellerReference, supplierReference,
 * localDate, or localDateStart together with localDateEnd; productId and optionId narrow further.
 */
public final class BookingQuery {
    private String resellerReference;
    private String supplierReference;
    private LocalDate localDate;
    private LocalDate localDateStart;
    private LocalDate localDateEnd;
    private String productId;
    private String optionId;

    private BookingQuery() {}

    /**
     * @param reference the channel's reference
     * @return a query for the bookings with this reseller reference
     */
    public static BookingQuery byResellerReference(String reference) {
        BookingQuery q = new BookingQuery();
        q.resellerReference = reference;
        return q;
    }

    /**
     * @param reference the supplier's reference
     * @return a query for the bookings with this supplier reference
     */
    public static BookingQuery bySupplierReference(String reference) {
        BookingQuery q = new BookingQuery();
        q.supplierReference = reference;
        return q;
    }

    /**
     * @param date the visit date
     * @return a query for the bookings of one local date
     */
    public static BookingQuery byLocalDate(LocalDate date) {
        BookingQuery q = new BookingQuery();
        q.localDate = date;
        return q;
    }

    /**
     * @param start the first visit date
     * @param end the last visit date (inclusive)
     * @return a query for the bookings of a range of local dates
     */
    public static BookingQuery byLocalDateRange(LocalDate start, LocalDate end) {
        BookingQuery q = new BookingQuery();
        q.localDateStart = start;
        q.localDateEnd = end;
        return q;
    }

    /**
     * @param value the product id
     * @return this, narrowed to one product
     */
    public BookingQuery productId(String value) {
        this.productId = value;
        return this;
    }

    /**
     * @param value the option id
     * @return this, narrowed to one option
     */
    public BookingQuery optionId(String value) {
        this.optionId = value;
        return this;
    }

    /** @return the reseller reference filter, or null */
    public String getResellerReference() {
        return resellerReference;
    }

    /** @return the supplier reference filter, or null */
    public String getSupplierReference() {
        return supplierReference;
    }

    /** @return the local date filter, or null */
    public LocalDate getLocalDate() {
        return localDate;
    }

    /** @return the start of the date range, or null */
    public LocalDate getLocalDateStart() {
        return localDateStart;
    }

    /** @return the end of the date range, or null */
    public LocalDate getLocalDateEnd() {
        return localDateEnd;
    }

    /** @return the product filter, or null */
    public String getProductId() {
        return productId;
    }

    /** @return the option filter, or null */
    public String getOptionId() {
        return optionId;
    }

    void validate() {
        boolean any = notBlank(resellerReference)
                || notBlank(supplierReference)
                || localDate != null
                || (localDateStart != null && localDateEnd != null);
        if (!any) {
            throw new IllegalArgumentException("a booking list needs resellerReference, supplierReference, localDate "
                    + "or localDateStart+localDateEnd");
        }
        if (localDateStart != null && localDateEnd != null && localDateEnd.isBefore(localDateStart)) {
            throw new IllegalArgumentException("localDateEnd is before localDateStart");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.trim().isEmpty();
    }
}
