package io.scenicpass.terminal.internal.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.PeerInfo;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.state.EntryLedger;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's side of the LAN exchange: listens for peers (each pushes its events to us) and dials every
 * peer endpoint (we push ours). Senders stream the {@link PeerLog} from the number the receiver says it has;
 * the receiver journals each event it did not know (durably, before acknowledging) and acknowledges.
 * Idempotent by event id, so re-sends after a reconnect, a restart or a relay are harmless. Relays are spared
 * where they are not needed: the receiver names the gates pushing to it directly, whose events we then skip (until
 * one of them stops: then we relay everything of it we hold).
 */
public final class PeerExchange implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerExchange.class);
    private static final int BATCH = 256;
    private static final int MAX_INBOUND = 64;

    private final Gate gate;
    private final InetSocketAddress bind;
    private final List<String> staticEndpoints;
    private final long heartbeatMillis;
    private final SecureRandom random;
    private final PeerLog log;
    private final String epoch = UUID.randomUUID().toString();
    private final ObjectMapper json = WireJson.mapper();
    private final Map<String, Thread> senders = new ConcurrentHashMap<>();
    private final Set<String> selfEndpoints = ConcurrentHashMap.newKeySet();
    private final Map<SecureChannel, Boolean> live = new ConcurrentHashMap<>();
    private final Set<String> linked = ConcurrentHashMap.newKeySet();
    private final Map<String, String[]> resume = new ConcurrentHashMap<>();
    /** Peers pushing to this gate now (their own events need no relay to us), with their link counts. */
    private final Map<String, Integer> inbound = new ConcurrentHashMap<>();

    private final Set<String> isolated = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean closed;
    private ServerSocket server;
    private Thread acceptor;
    private Thread refresher;

    /**
     * @param gate the gate whose events are exchanged
     * @param bind where to listen (port 0: any free port)
     * @param staticEndpoints {@code host:port} of peers given by the operator, besides those in the config
     * @param logCapacity the most events kept to offer peers
     * @param heartbeatMillis how often an idle link proves it is alive
     * @param random nonces
     */
    public PeerExchange(
            Gate gate,
            InetSocketAddress bind,
            Collection<String> staticEndpoints,
            int logCapacity,
            long heartbeatMillis,
            SecureRandom random) {
        this.gate = gate;
        this.bind = bind;
        this.staticEndpoints = new ArrayList<>(staticEndpoints);
        this.heartbeatMillis = heartbeatMillis;
        this.random = random;
        this.log = new PeerLog(logCapacity);
    }

    /** Binds the listening port, loads the journal's usage events into the log and starts the threads. */
    public void start() throws IOException {
        GateInternals.addUsageListener(gate, log::add);
        GateInternals.journal(gate).forEach(rec -> {
            try {
                EntryEvent e = json.readValue(rec.payload(), EntryEvent.class);
                if (EntryLedger.countsTowardUsage(e)) {
                    log.add(e);
                }
            } catch (IOException e) {
                // not an entry event: the gate already logged it on replay
            }
        });
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind);
        acceptor = daemon("peer-accept", this::acceptLoop);
        refresher = daemon("peer-refresh", this::refreshLoop);
        LOG.info("peer exchange listening on {} ({} events to offer)", server.getLocalSocketAddress(), log.lastSeq());
    }

    /** @return the port peers connect to */
    public int port() {
        return server.getLocalPort();
    }

    /** @return device ids this gate currently pushes its events to */
    public Set<String> linkedPeers() {
        return Set.copyOf(linked);
    }

    /** @return events learnt from peers since start (new ones only) */
    public long received() {
        return received.get();
    }

    /** @param deviceIds peers to cut off (a partition drill); empty to heal */
    public void isolate(Collection<String> deviceIds) {
        isolated.clear();
        isolated.addAll(deviceIds);
        for (SecureChannel ch : live.keySet()) {
            if (isolated.contains(ch.peerId())) {
                ch.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        live.keySet().forEach(SecureChannel::close);
        senders.values().forEach(Thread::interrupt);
        if (refresher != null) {
            refresher.interrupt();
        }
    }

    /** This device's id and the pair keys of its peers, from the (cached) device config. */
    private DeviceConfig config() {
        return GateInternals.state(gate).config().orElse(null);
    }

    private String myId() {
        DeviceConfig c = config();
        return c == null || c.deviceId() == null ? null : c.deviceId();
    }

    private byte[] keyOf(String deviceId) {
        DeviceConfig c = config();
        if (c == null || isolated.contains(deviceId)) {
            return null;
        }
        for (PeerInfo p : c.peers()) {
            if (deviceId.equals(p.deviceId()) && p.key() != null && !deviceId.equals(c.deviceId())) {
                try {
                    byte[] k = Base64.getDecoder().decode(p.key());
                    return k.length >= 32 ? k : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Starts senders for new endpoints, stops those gone, drops links to devices no longer peers. */
    private void refreshLoop() {
        while (!closed) {
            Set<String> want = new HashSet<>(staticEndpoints);
            DeviceConfig c = config();
            if (c != null) {
                for (PeerInfo p : c.peers()) {
                    if (p.endpoint() != null
                            && !p.endpoint().isBlank()
                            && !p.deviceId().equals(c.deviceId())) {
                        want.add(p.endpoint().trim());
                    }
                }
            }
            want.removeAll(selfEndpoints);
            for (String ep : want) {
                if (!senders.containsKey(ep)) {
                    Thread t = new Thread(() -> sendLoop(ep), "peer-send-" + ep);
                    t.setDaemon(true);
                    senders.put(ep, t); // before it runs: the loop runs while it is the endpoint's sender
                    t.start();
                }
            }
            senders.entrySet().removeIf(e -> {
                if (!want.contains(e.getKey())) {
                    e.getValue().interrupt();
                    return true;
                }
                return false;
            });
            for (SecureChannel ch : live.keySet()) {
                if (!ch.usesKey(keyOf(ch.peerId()))) {
                    ch.close();
                }
            }
            if (!pause(1000)) {
                return;
            }
        }
    }

    /** Pushes the log to one endpoint, reconnecting with a short backoff while this endpoint is wanted. */
    private void sendLoop(String endpoint) {
        long backoff = 100;
        while (!closed && senders.get(endpoint) == Thread.currentThread()) {
            String me = myId();
            InetSocketAddress addr = parse(endpoint);
            if (me != null && addr != null) {
                try (Socket s = new Socket()) {
                    s.connect(addr, 1000);
                    s.setTcpNoDelay(true);
                    s.setSoTimeout((int) Math.max(5000, heartbeatMillis * 5));
                    SecureChannel ch = SecureChannel.client(s, me, this::keyOf, random);
                    if (ch.peerId().equals(me)) {
                        selfEndpoints.add(endpoint);
                        return;
                    }
                    backoff = 100;
                    push(ch, me);
                } catch (PeerAuthException e) {
                    LOG.warn("peer {} refused: {}", endpoint, e.getMessage());
                } catch (IOException e) {
                    LOG.debug("peer {} unreachable: {}", endpoint, e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!pause(backoff)) {
                return;
            }
            backoff = Math.min(1000, backoff * 2);
        }
    }

    private void push(SecureChannel ch, String me) throws IOException, InterruptedException {
        live.put(ch, Boolean.TRUE);
        linked.add(ch.peerId());
        try {
            JsonNode r = json.readTree(ch.receive());
            long cursor =
                    epoch.equals(r.path("epoch").asText()) ? r.path("through").asLong() : 0;
            Set<String> direct = direct(r);
            while (!closed && !isolated.contains(ch.peerId())) {
                PeerLog.Batch b = log.after(cursor, BATCH, heartbeatMillis);
                ObjectNode m = json.createObjectNode();
                m.put("t", "events").put("epoch", epoch).put("through", b.through);
                List<EntryEvent> out = new ArrayList<>(b.events.size());
                for (EntryEvent e : b.events) {
                    // ours always; others' unless the peer decided them or hears them from the gate that did
                    if (me.equals(e.deviceId())
                            || (!ch.peerId().equals(e.deviceId()) && !direct.contains(e.deviceId()))) {
                        out.add(e);
                    }
                }
                m.set("events", json.valueToTree(out));
                ch.send(json.writeValueAsBytes(m));
                JsonNode ack = json.readTree(ch.receive());
                cursor = ack.path("through").asLong(cursor);
                Set<String> now = direct(ack);
                if (!now.containsAll(direct)) {
                    cursor = 0; // a gate stopped pushing to the peer: relay everything of it we hold
                }
                direct = now;
            }
        } finally {
            live.remove(ch);
            linked.remove(ch.peerId());
            ch.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                if (live.size() >= MAX_INBOUND * 2) {
                    s.close();
                    continue;
                }
                daemon("peer-recv", () -> receive(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("peer listener failed: {}", e.toString());
                }
            }
        }
    }

    /** Receives one peer's pushes: journal what is new, then acknowledge. */
    private void receive(Socket s) {
        String me = myId();
        try (s) {
            if (me == null) {
                return;
            }
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.max(5000, heartbeatMillis * 5));
            SecureChannel ch = SecureChannel.server(s, me, this::keyOf, random);
            live.put(ch, Boolean.TRUE);
            inbound.merge(ch.peerId(), 1, Integer::sum);
            try {
                String peer = ch.peerId();
                String[] at = resume.getOrDefault(peer, new String[] {"", "0"});
                ObjectNode hello = json.createObjectNode();
                hello.put("t", "resume").put("epoch", at[0]).put("through", Long.parseLong(at[1]));
                hello.set("direct", json.valueToTree(inbound.keySet()));
                ch.send(json.writeValueAsBytes(hello));
                while (!closed) {
                    JsonNode m = json.readTree(ch.receive());
                    List<EntryEvent> events = new ArrayList<>();
                    for (JsonNode n : m.path("events")) {
                        events.add(json.treeToValue(n, EntryEvent.class));
                    }
                    int fresh = 0;
                    for (EntryEvent e : events) {
                        if (GateInternals.acceptPeerEvent(gate, e)) {
                            fresh++;
                        }
                    }
                    if (fresh > 0) {
                        GateInternals.journal(gate).flush(); // durable before acknowledged
                        received.addAndGet(fresh);
                    }
                    long through = m.path("through").asLong();
                    resume.put(peer, new String[] {m.path("epoch").asText(), Long.toString(through)});
                    ObjectNode ack = json.createObjectNode();
                    ack.put("t", "ack").put("through", through);
                    ack.set("direct", json.valueToTree(inbound.keySet()));
                    ch.send(json.writeValueAsBytes(ack));
                }
            } finally {
                live.remove(ch);
                inbound.computeIfPresent(ch.peerId(), (k, v) -> v > 1 ? v - 1 : null);
            }
        } catch (PeerAuthException e) {
            LOG.warn("refused a peer connection from {}: {}", s.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            // a closed link, or a bad message: nothing acknowledged, the peer re-sends on its next link
            LOG.debug("peer link from {} ended: {}", s.getRemoteSocketAddress(), e.toString());
        }
    }

    /** @return the peers that a resume or ack says push to its sender directly */
    private static Set<String> direct(JsonNode m) {
        Set<String> out = new HashSet<>();
        m.path("direct").forEach(n -> out.add(n.asText()));
        return out;
    }

    static InetSocketAddress parse(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            int port = Integer.parseInt(endpoint.substring(colon + 1));
            return port < 1 || port > 65535 ? null : new InetSocketAddress(endpoint.substring(0, colon), port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return false when interrupted or closed */
    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
