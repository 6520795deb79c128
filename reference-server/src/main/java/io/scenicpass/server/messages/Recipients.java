package io.scenicpass.server.messages;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Where a visitor's messages go: the account's address (email or mobile, decrypted) and language. */
public interface Recipients {
    /** A visitor's address and language ({@code zh-CN} or {@code en}). */
    record Recipient(String address, String lang) {}

    /** The visitor's address and language; empty for an unknown (erased) visitor. */
    Optional<Recipient> of(Connection c, long visitorId) throws SQLException;
}
