package io.scenicpass.server.http;

class ConcurrentReservationH2Test extends ConcurrentReservationContract {
    @Override
    String dbUrl() {
        return null;
    }
}
