package io.scenicpass.server.terminal;

/** {@link EntryIdempotencyContract} on H2 (file mode). */
class EntryIdempotencyH2Test extends EntryIdempotencyContract {
    @Override
    String dbUrl() {
        return null;
    }
}
