package io.scenicpass.journeys;

import io.scenicpass.terminal.counter.BoxOfficeDesk;
import io.scenicpass.terminal.counter.CatalogueDay;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A box office window of the demo park for the cashier journeys: a simulated ticket printer, the window's
 * {@link Counter} (a BOX_OFFICE device on the park's clock) and sdk-terminal's {@link BoxOfficeDesk} on it; and the
 * park entry's adult ticket the window sells.
 */
final class BoxOffice {
    final SimulatedTicketPrinter printer;
    final Counter counter;
    final BoxOfficeDesk desk;

    private BoxOffice(SimulatedTicketPrinter printer, Counter counter) {
        this.printer = printer;
        this.counter = counter;
        this.desk = BoxOfficeDesk.of(counter);
    }

    /** The cashier {@code id} ({@code name}, {@code pin}), made by the operator through the admin API. */
    static void cashier(Park park, String id, String name, String pin) {
        park.admin(
                "POST",
                "/admin/v1/cashiers",
                "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"pin\":\"" + pin + "\"}");
    }

    /** Window {@code window}, its printer {@code printerName} started and printing to {@code paper}. */
    static BoxOffice window(Park park, String window, String printerName, Path paper) {
        SimulatedTicketPrinter printer =
                new SimulatedTicketPrinter(printerName, park.clock, paper, EscPosEncoder.defaults());
        printer.start();
        return new BoxOffice(printer, counter(park, window, printer));
    }

    /** Another window ({@code window}) with its own desk, printing on this window's printer. */
    BoxOffice next(Park park, String window) {
        return new BoxOffice(printer, counter(park, window, printer));
    }

    private static Counter counter(Park park, String window, SimulatedTicketPrinter printer) {
        return Counter.builder()
                .credentials(park.seller(window, "BOX_OFFICE"))
                .printer(printer)
                .clock(park.clock)
                .build();
    }

    /** The park entry in today's catalogue of this window. */
    CatalogueDay.Product entry() {
        return counter.catalogue().product("park-entry").orElseThrow();
    }

    /** The first slot of {@code entry} with {@code places} left that starts after {@code after}. */
    static CatalogueDay.Slot slot(CatalogueDay.Product entry, int places, Instant after) {
        return entry.slots().stream()
                .filter(s -> s.remaining() >= places && s.start().isAfter(after))
                .findFirst()
                .orElseThrow();
    }

    /** The adult ticket of {@code entry} (an adult needs no document). */
    static CatalogueDay.Unit adult(CatalogueDay.Product entry) {
        return entry.units().stream()
                .filter(u -> u.type().equals("ADULT"))
                .findFirst()
                .orElseThrow();
    }
}
