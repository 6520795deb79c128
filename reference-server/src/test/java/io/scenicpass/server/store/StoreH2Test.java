package io.scenicpass.server.store;

class StoreH2Test extends StoreContract {
    @Override
    String url() {
        return "jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    String otherUrl() {
        return "jdbc:h2:file:" + dir.resolve("other")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    String user() {
        return "sa";
    }
}
