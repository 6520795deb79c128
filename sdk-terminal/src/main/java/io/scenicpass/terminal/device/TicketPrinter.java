package io.scenicpass.terminal.device;

/**
 * A ticket printer (thermal receipt printer at a kiosk or box office). {@link #print(TicketLayout)} blocks until
 * the printer finished the ticket or the job failed; the result says which — a ticket lost to a paper-out or a
 * printer that stopped answering is a failed result, never a silent success. Like every {@link Device} it never
 * throws for hardware trouble.
 */
public interface TicketPrinter extends Device {
    /** Prints one ticket (and cuts it when the layout says so); never throws for hardware problems. */
    PrintResult print(TicketLayout ticket);

    /** The printer's last known status (refreshed in the background and around every job). */
    PrinterStatus status();
}
