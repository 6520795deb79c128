package io.scenicpass.server.web.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.web.WebSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code web_session} table. */
public final class WebSessionStore {
    public void insert(Connection c, WebSession s, long now, long expires) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO web_session(id_hash, realm, subject, csrf, lang, pending, created_at, expires_at)"
                        + " VALUES (?,?,?,?,?,?,?,?)",
                s.idHash(),
                s.realm(),
                s.subject(),
                s.csrf(),
                s.lang(),
                s.pending(),
                now,
                expires);
    }

    /** The live session of that id in that realm. */
    public Optional<WebSession> find(Connection c, String idHash, String realm, long now) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT id_hash, realm, subject, csrf, lang, pending FROM web_session"
                        + " WHERE id_hash = ? AND realm = ? AND expires_at > ?",
                rs -> new WebSession(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                idHash,
                realm,
                now);
    }

    public void setLang(Connection c, String idHash, String lang) throws SQLException {
        Jdbc.update(c, "UPDATE web_session SET lang = ? WHERE id_hash = ?", lang, idHash);
    }

    public void setPending(Connection c, String idHash, String pending) throws SQLException {
        Jdbc.update(c, "UPDATE web_session SET pending = ? WHERE id_hash = ?", pending, idHash);
    }

    public void delete(Connection c, String idHash) throws SQLException {
        Jdbc.update(c, "DELETE FROM web_session WHERE id_hash = ?", idHash);
    }

    /** Ends every session of a subject in a realm (an account locked or erased). */
    public int deleteSubject(Connection c, String realm, String subject) throws SQLException {
        return Jdbc.update(c, "DELETE FROM web_session WHERE realm = ? AND subject = ?", realm, subject);
    }

    public int purgeExpired(Connection c, long now) throws SQLException {
        return Jdbc.update(c, "DELETE FROM web_session WHERE expires_at <= ?", now);
    }
}
