package io.scenicpass.terminal.counter;

import io.scenicpass.terminal.device.PrintResult;
import java.util.Optional;

/**
 * What one printing round did: how many tickets (and receipts) came out, how many still wait for the printer
 * ("reprint pending": the sale is paid, so they are never dropped) and the failure that stopped the round.
 */
public final class PrintReport {
    private final int printed;
    private final int pending;
    private final PrintResult failure;

    PrintReport(int printed, int pending, PrintResult failure) {
        this.printed = printed;
        this.pending = pending;
        this.failure = failure;
    }

    /** @return pieces of paper printed in this round */
    public int printed() {
        return printed;
    }

    /** @return pieces still waiting for the printer (all sales of this counter) */
    public int pending() {
        return pending;
    }

    /** @return true when nothing is left to print */
    public boolean complete() {
        return pending == 0;
    }

    /** @return why the round stopped (paper out, cover open …), when it did */
    public Optional<PrintResult> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "PrintReport{printed=" + printed + ", pending=" + pending
                + (failure == null ? "" : ", failure=" + failure) + "}";
    }
}
