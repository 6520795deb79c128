package io.scenicpass.server.packages;

/** {@link PackageConcurrencyContract} on the embedded H2. */
class PackageConcurrencyTest extends PackageConcurrencyContract {
    @Override
    String dbUrl() {
        return null;
    }
}
