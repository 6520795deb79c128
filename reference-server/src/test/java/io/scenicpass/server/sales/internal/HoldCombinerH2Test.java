package io.scenicpass.server.sales.internal;

class HoldCombinerH2Test extends HoldCombinerContract {
    @Override
    String dbUrl() {
        return null;
    }
}
