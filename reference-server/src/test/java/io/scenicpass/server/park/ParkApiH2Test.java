package io.scenicpass.server.park;

/** {@link ParkApiContract} on the embedded H2 (file mode). */
class ParkApiH2Test extends ParkApiContract {
    @Override
    String dbUrl() {
        return null;
    }
}
