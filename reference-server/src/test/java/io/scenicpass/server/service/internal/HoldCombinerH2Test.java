package io.scenicpass.server.service.internal;

class HoldCombinerH2Test extends HoldCombinerContract {
  @Override
  String dbUrl() {
    return null;
  }
}
