package io.scenicpass.server.terminal;

/** {@link OnlineClaimContract} on H2 (one server node). */
class OnlineClaimH2Test extends OnlineClaimContract {
    @Override
    String dbUrl() {
        return null;
    }

    @Override
    boolean twoNodes() {
        return false;
    }
}
