package io.scenicpass.server.content.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Content rows ({@code catalogue_content}), each product's default language and the audit trail of changes. */
public final class ContentStore {
    /** What a row belongs to. */
    public enum Owner {
        PRODUCT,
        OPTION,
        UNIT
    }

    /** One owner's content in one language; {@code body} the JSON of its content fields. */
    public record Row(String locale, Owner owner, String ownerId, String body) {}

    /** One change: SET or DELETE of a product's content in a language, by whom (as given) and when. */
    public record Change(String locale, String action, String changedBy, Instant changedAt) {}

    /** Every row of a product, every language. */
    public List<Row> rows(Connection c, String productId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT locale, owner_kind, owner_id, body FROM catalogue_content WHERE product_id=?"
                        + " ORDER BY locale, owner_kind, owner_id",
                rs -> new Row(
                        rs.getString("locale"),
                        Owner.valueOf(rs.getString("owner_kind")),
                        rs.getString("owner_id"),
                        rs.getString("body")),
                productId);
    }

    /** Replaces the product's rows in {@code locale} with {@code rows}. */
    public void replace(Connection c, String productId, String locale, List<Row> rows, Instant now)
            throws SQLException {
        delete(c, productId, locale);
        List<Object[]> batch = new ArrayList<>();
        for (Row r : rows) {
            batch.add(new Object[] {productId, locale, r.owner().name(), r.ownerId(), r.body(), now.toEpochMilli()});
        }
        Jdbc.batch(
                c,
                "INSERT INTO catalogue_content(product_id, locale, owner_kind, owner_id, body, updated_at)"
                        + " VALUES (?,?,?,?,?,?)",
                batch);
    }

    /** Removes the product's content in {@code locale}; true when there was some. */
    public boolean delete(Connection c, String productId, String locale) throws SQLException {
        return Jdbc.update(c, "DELETE FROM catalogue_content WHERE product_id=? AND locale=?", productId, locale) > 0;
    }

    public Optional<String> defaultLocale(Connection c, String productId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT locale FROM content_default_locale WHERE product_id=?",
                rs -> rs.getString("locale"),
                productId);
    }

    public void setDefaultLocale(Connection c, String productId, String locale) throws SQLException {
        Jdbc.update(c, "DELETE FROM content_default_locale WHERE product_id=?", productId);
        Jdbc.update(c, "INSERT INTO content_default_locale(product_id, locale) VALUES (?,?)", productId, locale);
    }

    public void clearDefaultLocale(Connection c, String productId) throws SQLException {
        Jdbc.update(c, "DELETE FROM content_default_locale WHERE product_id=?", productId);
    }

    public void audit(Connection c, String productId, Change change) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO content_audit(product_id, locale, action, changed_by, changed_at) VALUES (?,?,?,?,?)",
                productId,
                change.locale(),
                change.action(),
                change.changedBy(),
                change.changedAt().toEpochMilli());
    }

    /** The product's changes, oldest first. */
    public List<Change> history(Connection c, String productId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT locale, action, changed_by, changed_at FROM content_audit WHERE product_id=?"
                        + " ORDER BY changed_at, locale",
                rs -> new Change(
                        rs.getString("locale"),
                        rs.getString("action"),
                        rs.getString("changed_by"),
                        Instant.ofEpochMilli(rs.getLong("changed_at"))),
                productId);
    }
}
