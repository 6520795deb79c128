package io.scenicpass.server.http;

class BookingChangesRaceH2Test extends BookingChangesRaceContract {
    @Override
    String dbUrl() {
        return null;
    }
}
