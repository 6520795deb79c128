package io.scenicpass.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.cli.gate.PeerLink;
import io.scenicpass.cli.gate.SimulatedTerminal;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.PassSummary;
import io.scenicpass.terminal.sync.SyncException;
import io.scenicpass.terminal.sync.SyncReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gate}: a complete terminal with simulated devices against a ScenicPass server. Reads credentials and
 * commands on standard input, one per line; prints each decision and what the display shows.
 */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "A simulated gate: the real gate engine, journal and sync client with simulated devices.",
            "Reads standard input, one line at a time:",
            "  SP1…  HC1:…  nfc:<pass>  id:<ID number>  passport:<number>[/<birth date>]",
            "  hkmo:<permit number>/<birth date>  tw:<permit number>/<birth date>",
            "  mrz:<line1>|<line2>  card:<UID>  face:<subject>  palm:<subject>",
            "                                               a credential at the entry lane",
            "                                               (after a QR the gate asked an ID for: that ID)",
            "  out:<credential>                             the same at the exit lane",
            "  staff                                        staff confirm a child's age (STAFF_CHECK_REQUIRED)",
            "  offline | online | status | sync | help | quit",
            "  peers | isolate <deviceId>[,<deviceId>…] | heal   (with --peer-port: the LAN of gates)",
            "Admitted visitors walk through the turnstile at once. 'offline' cuts only the link to the cloud:",
            "the gates of the site keep exchanging entries on the LAN (--peer-port, --peer)."
        })
final class GateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The status fields a person wants to see; {@code --json} prints all of them. */
    private static final java.util.Set<String> HUMAN_STATUS = java.util.Set.of(
            "network",
            "connectivity",
            "pendingUploads",
            "lastSyncOk",
            "gateTime",
            "clockOffsetMs",
            "keySetSequence",
            "revocations",
            "manifestPasses",
            "gateId");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "ScenicPass server base URL (first run; later runs reuse the enrolled one unless given).")
    String server;

    @Option(
            names = "--enroll",
            paramLabel = "TOKEN",
            description = "Enrollment token or enrollment QR text (first run only; later runs reuse the enrollment).")
    String enroll;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "gate-data",
            description = "Credentials, journal and state (default: ${DEFAULT-VALUE}).")
    Path data = Paths.get("gate-data");

    @Option(
            names = "--clock",
            paramLabel = "TIME",
            description =
                    "Run the gate at this local time (ISO-8601, e.g. 2026-07-01T10:00+08:00); it then flows normally and is never corrected by the server.")
    String clock;

    @Option(names = "--json", description = "One JSON object per line (for scripts and tests).")
    boolean json;

    @Option(
            names = "--pull-interval",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "Seconds between background sync cycles (default: ${DEFAULT-VALUE}).")
    long pullSeconds = 15;

    @Option(
            names = "--peer-port",
            paramLabel = "PORT",
            description =
                    "Join the LAN of this site's gates: listen for them on PORT (0: any free port) and exchange entries, so a pass used here is refused at the others even with the cloud down.")
    Integer peerPort;

    @Option(
            names = "--peer-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on for the other gates and to report to the server (default: ${DEFAULT-VALUE}; use the gate's LAN address).")
    String peerHost = "127.0.0.1";

    @Option(
            names = "--peer",
            paramLabel = "HOST:PORT",
            split = ",",
            description =
                    "Another gate to exchange with, besides those the server lists (repeat or comma-separate). Only gates enrolled at the same site are believed.")
    List<String> peers = new java.util.ArrayList<>();

    Clock systemClock = Clock.systemUTC();
    private PrintWriter out;
    private PeerLink link;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock simulated = null;
        if (clock != null) {
            try {
                Instant at = Times.parse(clock);
                simulated = Clock.offset(systemClock, Duration.between(systemClock.instant(), at));
            } catch (IllegalArgumentException e) {
                err.println("gate: --clock: " + e.getMessage());
                return Main.USAGE;
            }
        }
        SimulatedTerminal terminal;
        try {
            terminal = new SimulatedTerminal(
                    data,
                    server,
                    enroll,
                    simulated,
                    Duration.ofSeconds(Math.max(1, pullSeconds)),
                    List.of(),
                    this::emit);
        } catch (IllegalArgumentException e) {
            err.println("gate: " + e.getMessage());
            return Main.USAGE;
        } catch (SyncException e) {
            err.println("gate: enrollment failed (" + e.code() + "): " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            err.println("gate: cannot open the gate in " + data + ": " + e.getMessage());
            return 1;
        }
        PeerLink lan;
        try {
            lan = peerPort == null && peers.isEmpty()
                    ? null
                    : PeerLink.start(terminal, peerHost, peerPort == null ? 0 : peerPort, peers);
        } catch (RuntimeException e) {
            terminal.close();
            err.println("gate: cannot join the LAN of gates: " + e.getMessage());
            return Main.USAGE;
        }
        try (SimulatedTerminal t = terminal;
                PeerLink l = lan) {
            this.link = l;
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("deviceId", t.credentials().deviceId());
            ready.put("server", t.credentials().serverUrl());
            ready.put("enrolled", t.enrolledNow() ? "now" : "reused " + data.resolve("device.json"));
            ready.put("clock", simulated == null ? "system, corrected by the server" : "simulated from " + clock);
            if (l != null) {
                ready.put("peers", l.status());
            }
            emit("ready", ready);
            emit("sync", report(t.start()));
            emit("status", t.status());
            return loop(t);
        }
    }

    private int loop(SimulatedTerminal t) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(main.stdin(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String cmd = l.toLowerCase(Locale.ROOT);
                switch (cmd) {
                    case "quit":
                        bye(t);
                        return 0;
                    case "offline":
                        emit("network", Map.of("network", "cut", "sync", report(t.goOffline())));
                        break;
                    case "online":
                        emit("network", Map.of("network", "up", "sync", report(t.goOnline())));
                        break;
                    case "status":
                        emit("status", t.status());
                        break;
                    case "sync":
                        emit("sync", report(t.syncNow()));
                        break;
                    case "staff":
                        show(t.confirmByStaff(), "staff");
                        break;
                    case "help":
                        spec.commandLine().usage(out);
                        break;
                    case "peers":
                    case "heal":
                        lan(cmd, "");
                        break;
                    default:
                        if (cmd.startsWith("isolate ")) {
                            lan("isolate", l.substring("isolate ".length()));
                        } else {
                            present(t, l);
                        }
                }
                out.flush();
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("gate: cannot read standard input: " + e.getMessage());
            return 1;
        }
        bye(t);
        return 0;
    }

    /** The LAN commands: {@code peers} shows the links, {@code isolate} cuts some (a partition), {@code heal}. */
    private void lan(String cmd, String args) {
        if (link == null) {
            emit("error", Map.of("message", "not on a LAN of gates: start with --peer-port or --peer"));
            return;
        }
        if ("isolate".equals(cmd)) {
            List<String> ids = new java.util.ArrayList<>();
            for (String id : args.split("[,\\s]+")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
            link.isolate(ids);
        } else if ("heal".equals(cmd)) {
            link.isolate(List.of());
        }
        emit("peers", link.status());
    }

    /** Uploads what is pending when the server is reachable, then says goodbye with the final status. */
    private void bye(SimulatedTerminal t) {
        if (!t.networkCut() && t.gate().journal().pendingCount() > 0) {
            emit("sync", report(t.syncNow()));
        }
        emit("bye", t.status());
    }

    private void present(SimulatedTerminal t, String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        boolean exit = lower.startsWith("out:") || lower.startsWith("exit:") || lower.startsWith("exit ");
        String credential = exit
                ? line.substring(line.indexOf(lower.startsWith("exit ") ? ' ' : ':') + 1)
                        .trim()
                : line;
        show(t.present(credential, exit), abbreviate(credential));
    }

    private void show(SimulatedTerminal.Outcome o, String input) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lane", o.lane);
        m.put("input", input);
        Decision d = o.decision;
        if (d != null) {
            m.put("verdict", d.verdict().name());
            m.put("reason", d.reason());
            d.rule().ifPresent(r -> m.put("rule", r));
            m.put("messageZh", d.messageZh());
            m.put("messageEn", d.messageEn());
            m.put("party", d.partyCount());
            m.put("eventId", d.eventId());
            m.put("credentialType", d.credentialType().name());
            m.put("time", d.correctedTime().toString());
            d.pass().ifPresent(p -> m.put("pass", pass(p)));
            m.put("walkedThrough", o.walkedThrough);
        } else {
            m.put("verdict", "NONE");
            m.put("reason", o.notDecided);
        }
        if (o.display != null) {
            m.put(
                    "display",
                    Map.of(
                            "zh",
                            String.valueOf(o.display.zh()),
                            "en",
                            String.valueOf(o.display.en()),
                            "tone",
                            o.display.tone().name()));
        }
        emit("decision", m);
    }

    private static Map<String, Object> pass(PassSummary p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passId", p.passId());
        m.put("productId", p.productId());
        m.put("kind", p.kind().name());
        p.slotStart().ifPresent(s -> m.put("slotStart", s.toString()));
        m.put("partySize", p.partySize());
        m.put("entriesUsed", p.entriesUsed());
        m.put("entriesAllowed", p.entriesAllowed());
        return m;
    }

    private static Map<String, Object> report(SyncReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.success());
        m.put("entriesUploaded", r.entriesUploaded());
        m.put("conflicts", r.conflicts());
        r.failure().ifPresent(f -> m.put("error", f.code() + ": " + f.getMessage()));
        return m;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 24) + "…" + s.substring(s.length() - 8);
    }

    /** Prints one event: a JSON line with {@code --json}, a readable line otherwise. Thread-safe. */
    synchronized void emit(String type, Map<String, Object> fields) {
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
            out.println(human(type, fields));
        }
        out.flush();
    }

    @SuppressWarnings("unchecked")
    private static String human(String type, Map<String, Object> f) {
        if ("decision".equals(type)) {
            StringBuilder b = new StringBuilder();
            b.append(String.format("[%-3s] %-5s %-22s", f.get("lane"), f.get("verdict"), f.get("reason")));
            if (f.containsKey("pass")) {
                Map<String, Object> p = (Map<String, Object>) f.get("pass");
                b.append(" pass ").append(p.get("passId")).append(" party ").append(f.get("party"));
            }
            if (f.containsKey("messageEn")) {
                b.append("  ").append(f.get("messageZh")).append(" / ").append(f.get("messageEn"));
            }
            Object display = f.get("display");
            if (display != null) {
                Map<String, Object> d = (Map<String, Object>) display;
                b.append(System.lineSeparator())
                        .append("      display [")
                        .append(d.get("tone"))
                        .append("] ")
                        .append(d.get("zh"))
                        .append(" / ")
                        .append(d.get("en"));
            }
            return b.toString();
        }
        StringBuilder b = new StringBuilder("* ").append(type);
        boolean status = "status".equals(type) || "bye".equals(type);
        f.forEach((k, v) -> {
            if (!status || HUMAN_STATUS.contains(k)) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        return b.toString();
    }
}
