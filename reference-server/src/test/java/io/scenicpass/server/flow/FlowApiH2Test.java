package io.scenicpass.server.flow;

/** {@link FlowApiContract} on H2 in file mode. */
class FlowApiH2Test extends FlowApiContract {
    @Override
    String dbUrl() {
        return null;
    }
}
