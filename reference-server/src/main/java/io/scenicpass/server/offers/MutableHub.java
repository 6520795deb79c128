package io.scenicpass.server.offers;

/** The hub offers use, set once the visitors module is composed ({@link Hub#NONE} until then). */
final class MutableHub {
    private volatile Hub hub = Hub.NONE;

    Hub get() {
        return hub;
    }

    void set(Hub h) {
        hub = h;
    }
}
