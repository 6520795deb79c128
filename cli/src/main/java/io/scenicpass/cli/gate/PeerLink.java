package io.scenicpass.cli.gate;

import io.scenicpass.terminal.peer.PeerNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated gate on the LAN of its site: listens for the other gates, reports where to the server (which
 * lists it in their configs) and dials those the config lists or the operator named. Unaffected by the
 * {@code offline} command, which cuts only the cloud.
 */
public final class PeerLink implements AutoCloseable {
    private final PeerNetwork network;
    private final String endpoint;
    private final List<String> isolated = new ArrayList<>();

    private PeerLink(PeerNetwork network, String endpoint) {
        this.network = network;
        this.endpoint = endpoint;
    }

    /**
     * @param terminal the simulated gate
     * @param host the address to listen on and to report to the server
     * @param port the port (0: any free one)
     * @param peers extra peer endpoints ({@code host:port})
     * @return the running link
     */
    public static PeerLink start(SimulatedTerminal terminal, String host, int port, Collection<String> peers) {
        PeerNetwork n = PeerNetwork.builder(terminal.gate())
                .bindAddress(host)
                .listenPort(port)
                .peers(peers)
                .start();
        String ep = (host.contains(":") ? "[" + host + "]" : host) + ":" + n.port();
        terminal.advertisePeerEndpoint(ep);
        return new PeerLink(n, ep);
    }

    /** @param deviceIds peers to cut off (a partition drill); empty heals */
    public synchronized void isolate(Collection<String> deviceIds) {
        isolated.clear();
        isolated.addAll(deviceIds);
        network.isolate(deviceIds);
    }

    /** @return endpoint, linked peers, events learnt from them, isolated peers */
    public synchronized Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", endpoint);
        m.put("linked", new ArrayList<>(new java.util.TreeSet<>(network.linkedPeers())));
        m.put("received", network.eventsReceived());
        m.put("isolated", new ArrayList<>(isolated));
        return m;
    }

    @Override
    public void close() {
        network.close();
    }
}
