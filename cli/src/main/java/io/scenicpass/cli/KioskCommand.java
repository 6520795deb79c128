package io.scenicpass.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.cli.kiosk.SimulatedKiosk;
import io.scenicpass.cli.kioskui.CounterKiosk;
import io.scenicpass.cli.kioskui.KioskBackend;
import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskUi;
import io.scenicpass.cli.kioskui.PresentedDocuments;
import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.sync.SyncException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk}: a ticket-selling kiosk with simulated devices against a ScenicPass server. Reads commands on standard
 * input, one per line (the ID card reader and the payment-code scanner are lines too); prints one event per command.
 */
@Command(
        name = "kiosk",
        mixinStandardHelpOptions = true,
        description = {
            "A simulated ticket-selling kiosk: sdk-terminal's Counter with a printer writing ESC/POS to a file.",
            "Reads standard input, one line at a time:",
            "  catalogue [YYYY-MM-DD]                       products, units, slots and places left (default: today)",
            "  choose <product> [<slot>]                    start an order (default: first slot with places)",
            "  add <unit> [<count>]                         tickets of a unit",
            "  id:<ID number>/<name>                        the ID card reader: holder of the next ticket",
            "  passport:<number>/<birth date>/<country>/<name>   the passport reader (MRZ), likewise",
            "  sell                                         book the order (places held until paid)",
            "  paycode:<code>                               the scanner read the visitor's payment code: pay,",
            "                                               wait for the outcome, print the tickets when paid",
            "  pay-qr | await                               a payment QR for the phone; wait for its outcome",
            "  cancel                                       give the sale up (places released)",
            "  printer ready|paper-out|cover-open | reprint the simulated printer; print what is pending",
            "  pickup id:<ID number>/<name> | pickup passport:<number>/<birth date>/<country>/<name>",
            "  pickup code:<booking code>                   pick-up (取票): the bookings found; prints each",
            "                                               printable one once (else its refusal, e.g. ALREADY_PRINTED)",
            "With the touch UI (--ui-port), for annual pass activation (年卡激活) on the screen:",
            "  scan:<pass text>                             the QR scanner read the visitor's annual pass",
            "  face:<person number>[/spoof]                 the camera sees person n's face (live, or a spoof)",
            "Box office (a BOX_OFFICE enrollment):",
            "  login <cashierId> <pin> [<floatYuan>]        the cashier signs in; the shift opens with the float",
            "  cash [<tenderedYuan>]                        take cash for the sale (default: the exact amount)",
            "  refund <saleId>|- <reason>                   refund the sale's valid passes (-: the last sale)",
            "  close <countedYuan>                          close the shift with the counted drawer: the cash-up",
            "  status | help | quit",
            "Take the printed passes with: ./scenicpass printed <printer-out file>"
        })
final class KioskCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "ScenicPass server base URL.")
    String server;

    @Option(
            names = "--enroll",
            paramLabel = "TOKEN",
            description =
                    "Enrollment token of role KIOSK or BOX_OFFICE (first run only; later runs reuse the enrollment).")
    String enroll;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "kiosk-data",
            description = "Credentials (default: ${DEFAULT-VALUE}).")
    Path data = Paths.get("kiosk-data");

    @Option(
            names = "--printer-out",
            paramLabel = "FILE",
            description = "Where the printer appends its ESC/POS byte stream (default: <data>/printer.bin).")
    Path printerOut;

    @Option(
            names = "--payment-timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description =
                    "How long to wait for a payment's outcome before giving the sale up (default: ${DEFAULT-VALUE}).")
    long paymentSeconds = 60;

    @Option(names = "--json", description = "One JSON object per line (for scripts and tests).")
    boolean json;

    @Option(
            names = "--ui-port",
            paramLabel = "PORT",
            description = "Also serve the touch UI on http://127.0.0.1:PORT/ (0: a free port; see the 'ui' event);"
                    + " id:/passport: lines then go to the screen's document readers.")
    Integer uiPort;

    private PresentedDocuments screenReaders; // the touch UI's document readers (null without --ui-port)

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatedKiosk kiosk;
        try {
            Path paper = printerOut != null ? printerOut : data.resolve("printer.bin");
            kiosk = new SimulatedKiosk(data, server, enroll, paper, Duration.ofSeconds(Math.max(1, paymentSeconds)));
        } catch (IllegalArgumentException e) {
            err.println("kiosk: " + e.getMessage());
            return Main.USAGE;
        } catch (SyncException e) {
            err.println("kiosk: enrollment failed (" + e.code() + "): " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            err.println("kiosk: cannot open the kiosk in " + data + ": " + e.getMessage());
            return 1;
        }
        try (SimulatedKiosk k = kiosk) {
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("deviceId", k.enrollment().credentials.deviceId());
            ready.put("server", k.enrollment().credentials.serverUrl());
            ready.put("enrolled", k.enrollment().now ? "now" : "reused " + data.resolve("device.json"));
            emit("ready", ready);
            if (uiPort == null) {
                return loop(k);
            }
            screenReaders = new PresentedDocuments();
            try (KioskUi ui = KioskUi.start(
                    new CounterKiosk(k.counter(), k.clock(), k.zone(), screenReaders), "127.0.0.1", uiPort)) {
                emit("ui", Map.of("url", "http://127.0.0.1:" + ui.port() + "/"));
                return loop(k);
            }
        }
    }

    private int loop(SimulatedKiosk k) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(main.stdin(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.equalsIgnoreCase("quit")) {
                    break;
                }
                if (l.equalsIgnoreCase("help")) {
                    spec.commandLine().usage(out);
                    continue;
                }
                try {
                    command(k, l);
                } catch (SyncException e) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(
                            "code",
                            e.serverCode() != null ? e.serverCode() : e.code().name());
                    m.put("message", e.getMessage());
                    emit("refused", m);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    emit("error", Map.of("message", String.valueOf(e.getMessage())));
                }
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("kiosk: cannot read standard input: " + e.getMessage());
            return 1;
        }
        emit("bye", k.status());
        return 0;
    }

    private void command(SimulatedKiosk k, String line) {
        String[] w = line.split("\\s+");
        String cmd = w[0].toLowerCase(Locale.ROOT);
        String rest = line.substring(w[0].length()).trim();
        if (screenReaders != null && (cmd.startsWith("id:") || cmd.startsWith("passport:"))) {
            emit("presented", present(line));
        } else if (screenReaders != null && (cmd.startsWith("scan:") || cmd.startsWith("face:"))) {
            emit("presented", presentAtTheScreen(line));
        } else if (cmd.startsWith("id:")) {
            String[] f = fields(line.substring(3), 2, "id:<ID number>/<name>");
            emit("document", k.document(DocumentType.CN_ID, f[0], f[1], null, "CHN"));
        } else if (cmd.startsWith("passport:")) {
            String[] f = fields(line.substring(9), 4, "passport:<number>/<birth date>/<country>/<name>");
            emit("document", k.document(DocumentType.PASSPORT, f[0], f[3], LocalDate.parse(f[1]), f[2]));
        } else if (cmd.startsWith("paycode:")) {
            emit("sale", k.payByCode(line.substring(8).trim()));
        } else {
            switch (cmd) {
                case "catalogue":
                    emit("catalogue", k.catalogue(rest));
                    break;
                case "choose":
                    emit("order", k.choose(w.length > 1 ? w[1] : "", w.length > 2 ? w[2] : ""));
                    break;
                case "add":
                    emit("order", k.add(w.length > 1 ? w[1] : "", w.length > 2 ? count(w[2]) : 1));
                    break;
                case "sell":
                    emit("sale", k.sell());
                    break;
                case "pay-qr":
                    emit("sale", k.payByQr());
                    break;
                case "await":
                    emit("sale", k.await());
                    break;
                case "cancel":
                    emit("sale", k.cancel());
                    break;
                case "printer":
                    emit("printer", k.printer(rest));
                    break;
                case "pickup":
                    emit("pickup", pickUp(k, rest));
                    break;
                case "reprint":
                    emit("print", k.reprint());
                    break;
                case "status":
                    emit("status", k.status());
                    break;
                case "login":
                    emit("shift", k.boxOffice().login(arg(w, 1), arg(w, 2), arg(w, 3)));
                    break;
                case "cash":
                    emit("sale", k.cash(arg(w, 1)));
                    break;
                case "refund":
                    emit(
                            "refund",
                            k.refund(
                                    arg(w, 1),
                                    rest.substring(arg(w, 1).length()).trim()));
                    break;
                case "close":
                    emit("cashup", k.boxOffice().close(arg(w, 1)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown command '" + w[0] + "' (help lists them)");
            }
        }
    }

    /** id:/passport: with the touch UI: the document lies on the screen's reader until "swipe ID card" takes it. */
    private Map<String, Object> present(String line) {
        KioskBackend.Identity id;
        DocumentReader reader;
        if (line.toLowerCase(Locale.ROOT).startsWith("id:")) {
            String[] f = fields(line.substring(3), 2, "id:<ID number>/<name>");
            id = new KioskBackend.Identity("CN_ID", f[0], f[1], null);
            reader = DocumentReader.ID_CARD;
        } else {
            String[] f = fields(line.substring(9), 4, "passport:<number>/<birth date>/<country>/<name>");
            id = new KioskBackend.Identity("PASSPORT", f[0], f[3], LocalDate.parse(f[1]));
            reader = DocumentReader.MRZ;
        }
        screenReaders.present(reader, id);
        return Map.of("reader", reader.name(), "number", id.masked());
    }

    /** scan:/face: with the touch UI: the pass at the QR scanner, a face at the camera (simulated: person n's bytes). */
    private Map<String, Object> presentAtTheScreen(String line) {
        if (line.toLowerCase(Locale.ROOT).startsWith("scan:")) {
            screenReaders.presentPass(line.substring(5).trim());
            return Map.of("reader", "QR");
        }
        String[] f = line.substring(5).trim().split("/", 2);
        byte[] face = new byte[64];
        new java.util.Random(Long.parseLong(f[0].trim())).nextBytes(face);
        boolean spoof = f.length > 1 && f[1].trim().equalsIgnoreCase("spoof");
        screenReaders.presentFace(new io.scenicpass.terminal.device.biometric.BiometricTemplate(
                io.scenicpass.terminal.device.biometric.BiometricModality.FACE,
                face,
                spoof
                        ? io.scenicpass.terminal.device.biometric.Liveness.failed(0.1)
                        : io.scenicpass.terminal.device.biometric.Liveness.passed(0.99)));
        return Map.of("reader", "FACE", "live", !spoof);
    }

    /** pickup id:…/… | passport:…/…/…/… | code:…, the id:/passport: syntax of the document lines. */
    private static Map<String, Object> pickUp(SimulatedKiosk k, String what) {
        String l = what.toLowerCase(Locale.ROOT);
        if (l.startsWith("id:")) {
            String[] f = fields(what.substring(3), 2, "pickup id:<ID number>/<name>");
            return k.pickUp(DocumentType.CN_ID, f[0], f[1], null, "CHN");
        } else if (l.startsWith("passport:")) {
            String[] f = fields(what.substring(9), 4, "pickup passport:<number>/<birth date>/<country>/<name>");
            return k.pickUp(DocumentType.PASSPORT, f[0], f[3], LocalDate.parse(f[1]), f[2]);
        } else if (l.startsWith("code:")) {
            return k.pickUp(what.substring(5).trim());
        }
        throw new IllegalArgumentException("expected pickup id:<ID number>/<name> | passport:… | code:<booking code>");
    }

    private static String[] fields(String s, int n, String usage) {
        String[] f = s.split("/", n);
        if (f.length != n) {
            throw new IllegalArgumentException("expected " + usage);
        }
        for (int i = 0; i < n; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }

    private static String arg(String[] w, int i) {
        return w.length > i ? w[i] : "";
    }

    private static int count(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 20) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("a count is 1 to 20, not " + s);
    }

    /** Prints one event: a JSON line with {@code --json}, a readable line otherwise. */
    private void emit(String type, Map<String, Object> fields) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type);
            m.putAll(fields);
            try {
                out.println(JSON.writeValueAsString(m));
            } catch (IOException e) {
                out.println("{\"type\":\"error\",\"message\":\"cannot write JSON\"}");
            }
        } else {
            StringBuilder b = new StringBuilder("* ").append(type);
            fields.forEach((key, v) -> b.append(' ').append(key).append('=').append(v));
            out.println(b);
        }
        out.flush();
    }
}
