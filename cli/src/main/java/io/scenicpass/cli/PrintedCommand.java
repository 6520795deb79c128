package io.scenicpass.cli;

import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code printed FILE}: the QR payloads (the passes) of the tickets a printer wrote as ESC/POS, one per line. */
@Command(
        name = "printed",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a ticket printer's ESC/POS byte stream (./scenicpass kiosk --printer-out FILE) and prints the",
            "QR payload of every ticket, one per line, oldest first: pipe a pass into ./scenicpass gate."
        })
final class PrintedCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The printer's output file.")
    Path file;

    @Option(names = "--text", description = "Also print every text line of each ticket (prefixed with '# ').")
    boolean text;

    @Option(names = "--all", description = "Also the web addresses (a receipt's invoice QR is one, not a pass).")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TicketLayout> tickets;
        try {
            tickets = EscPosDecoder.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            spec.commandLine().getErr().println("printed: cannot read " + file + ": " + e.getMessage());
            return Main.USAGE;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("printed: " + file + " is not ESC/POS: " + e.getMessage());
            return Main.USAGE;
        }
        for (TicketLayout t : tickets) {
            for (TicketLayout.Element e : t.elements()) {
                if (e.kind() == TicketLayout.Kind.QR && (all || !e.text().matches("(?i)https?://.*"))) {
                    out.println(e.text());
                } else if (text && e.kind() == TicketLayout.Kind.TEXT) {
                    out.println("# " + e.text());
                }
            }
        }
        out.flush();
        return 0;
    }
}
