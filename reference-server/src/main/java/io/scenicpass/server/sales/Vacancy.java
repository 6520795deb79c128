package io.scenicpass.server.sales;

import java.util.List;

/** What is left to book in a slot or on a day, out of its capacity, and the availability that follows from it. */
public record Vacancy(int vacancies, int capacity, boolean closed) {

    /** Availability as OCTO names it (the OCTO view maps it to the channel model's {@code AvailabilityStatus}). */
    public enum Status {
        AVAILABLE,
        LIMITED,
        SOLD_OUT,
        CLOSED
    }

    /** Closed, sold out, LIMITED when under half the capacity is left, else AVAILABLE. */
    public Status status() {
        if (closed) {
            return Status.CLOSED;
        }
        if (vacancies <= 0) {
            return Status.SOLD_OUT;
        }
        return vacancies * 2 < capacity ? Status.LIMITED : Status.AVAILABLE;
    }

    /** Whether something can be booked (AVAILABLE or LIMITED). */
    public boolean available() {
        Status s = status();
        return s == Status.AVAILABLE || s == Status.LIMITED;
    }

    /** A day's vacancy: the sum of its slots' (closed when it has no open slot: none, or all closed). */
    public static Vacancy ofDay(List<InventoryService.SlotView> slots) {
        int vac = 0;
        int cap = 0;
        boolean open = false;
        for (InventoryService.SlotView v : slots) {
            vac += v.vacancies();
            cap += v.capacity();
            open |= !v.slot().closed();
        }
        return new Vacancy(vac, cap, !open);
    }
}
