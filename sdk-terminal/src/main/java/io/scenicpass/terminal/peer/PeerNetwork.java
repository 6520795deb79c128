package io.scenicpass.terminal.peer;

import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.internal.peer.PeerExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Links a {@link Gate} to the other gates of its site on the LAN. Every admission (and every NOT_PASSED) a
 * gate journals is pushed at once to each peer, which journals it too (so its ledger counts it, it survives
 * a kill -9, and it is uploaded by whichever gate reaches the cloud first: the server keeps one copy per
 * event id). Links re-send from where the peer says it is, so gates converge after any partition.
 *
 * <pre>{@code
 * PeerNetwork peers = PeerNetwork.builder(gate).listenPort(7700).peer("10.0.0.12:7700").start();
 * }</pre>
 *
 * <p>Who is believed: only devices listed in this gate's device config (the server lists the other enrolled,
 * unrevoked gates of the site, each with a key shared by that pair alone); both sides prove the key and the
 * link is encrypted (see the protocol in docs/protocol.md). Endpoints come from the config and from
 * {@link Builder#peer(String)}; an endpoint that is not a listed peer is refused.
 */
public final class PeerNetwork implements AutoCloseable {
    private final PeerExchange exchange;

    private PeerNetwork(PeerExchange exchange) {
        this.exchange = exchange;
    }

    /** @param gate the gate to link @return a builder */
    public static Builder builder(Gate gate) {
        return new Builder(gate);
    }

    /** @return the port this gate listens on for peers */
    public int port() {
        return exchange.port();
    }

    /** @return device ids of the peers this gate currently pushes its events to */
    public Set<String> linkedPeers() {
        return exchange.linkedPeers();
    }

    /** @return events learnt from peers since start (each counted once) */
    public long eventsReceived() {
        return exchange.received();
    }

    /**
     * Cuts the links to some peers (a partition drill, or an operator isolating a suspect gate); the others
     * stay linked. {@code isolate(List.of())} heals: the links come back and the gates converge.
     *
     * @param deviceIds the peers to cut off
     */
    public void isolate(Collection<String> deviceIds) {
        exchange.isolate(deviceIds);
    }

    /** Stops listening and closes every link. */
    @Override
    public void close() {
        exchange.close();
    }

    /** Builds and starts a {@link PeerNetwork}. */
    public static final class Builder {
        private final Gate gate;
        private String bindHost = "0.0.0.0";
        private int port = 7700;
        private final List<String> peers = new ArrayList<>();
        private int logCapacity = 100_000;
        private Duration heartbeat = Duration.ofSeconds(1);
        private SecureRandom random;

        private Builder(Gate gate) {
            this.gate = Objects.requireNonNull(gate, "gate");
        }

        /** @param listenPort where peers connect (default 7700; 0 = any free port) @return this */
        public Builder listenPort(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** @param host the address to listen on (default all) @return this */
        public Builder bindAddress(String host) {
            this.bindHost = Objects.requireNonNull(host);
            return this;
        }

        /** @param hostPort a peer's endpoint, besides those in the device config @return this */
        public Builder peer(String hostPort) {
            String p = Objects.requireNonNull(hostPort).trim();
            int colon = p.lastIndexOf(':');
            if (colon <= 0 || !p.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException("peer must be host:port, got '" + hostPort + "'");
            }
            peers.add(p);
            return this;
        }

        /** @param hostPorts peers' endpoints @return this */
        public Builder peers(Collection<String> hostPorts) {
            hostPorts.forEach(this::peer);
            return this;
        }

        /**
         * @param events the most events kept in memory to offer peers (default 100,000, about a busy day's
         *     entries at a site); a peer away for longer catches up on the newest ones only
         * @return this
         */
        public Builder logCapacity(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("log capacity must be positive");
            }
            this.logCapacity = events;
            return this;
        }

        /** @param every how often an idle link proves it is alive (default 1 s) @return this */
        public Builder heartbeat(Duration every) {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("heartbeat must be positive");
            }
            this.heartbeat = every;
            return this;
        }

        /** @param r randomness for handshake nonces @return this */
        public Builder secureRandom(SecureRandom r) {
            this.random = r;
            return this;
        }

        /**
         * Binds the port and starts linking.
         *
         * @return the running network
         * @throws UncheckedIOException when the port cannot be bound
         */
        public PeerNetwork start() {
            PeerExchange x = new PeerExchange(
                    gate,
                    new InetSocketAddress(bindHost, port),
                    peers,
                    logCapacity,
                    heartbeat.toMillis(),
                    random != null ? random : new SecureRandom());
            try {
                x.start();
            } catch (IOException e) {
                x.close();
                throw new UncheckedIOException("cannot listen for peers on " + bindHost + ":" + port, e);
            }
            return new PeerNetwork(x);
        }
    }
}
