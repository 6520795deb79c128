package io.scenicpass.server.measures;

/** {@link MeasuresContract} on H2 (file mode). */
class MeasuresTest extends MeasuresContract {
    @Override
    String dbUrl() {
        return null;
    }
}
