package io.scenicpass.server.questions.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.questions.Question;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The questions of products ({@code question}), in the operator's order. */
public final class QuestionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Question.SelectOption>> OPTIONS = new TypeReference<>() {};

    public List<Question> ofProduct(Connection c, String productId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM question WHERE product_id=? ORDER BY position",
                rs -> new Question(
                        rs.getString("id"),
                        rs.getString("product_id"),
                        rs.getString("option_id"),
                        rs.getString("unit_id"),
                        rs.getString("title"),
                        rs.getString("short_description"),
                        rs.getBoolean("is_required"),
                        rs.getString("input_type"),
                        options(rs.getString("select_options"))),
                productId);
    }

    /** Those of {@code ids} that already name a question of another product (question ids are unique). */
    public List<String> takenElsewhere(Connection c, String productId, List<String> ids) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            Jdbc.one(c, "SELECT id FROM question WHERE id=? AND product_id<>?", rs -> rs.getString(1), id, productId)
                    .ifPresent(out::add);
        }
        return out;
    }

    /** Replaces the product's questions with {@code questions} (in this order). */
    public void replace(Connection c, String productId, List<Question> questions) throws SQLException {
        Jdbc.update(c, "DELETE FROM question WHERE product_id=?", productId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            rows.add(new Object[] {
                q.id(),
                productId,
                q.optionId(),
                q.unitId(),
                i,
                q.title(),
                q.shortDescription(),
                q.required(),
                q.inputType(),
                json(q.selectOptions())
            });
        }
        if (!rows.isEmpty()) {
            Jdbc.batch(
                    c,
                    "INSERT INTO question(id, product_id, option_id, unit_id, position, title, short_description,"
                            + " is_required, input_type, select_options) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    rows);
        }
    }

    private static String json(List<Question.SelectOption> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Question.SelectOption> options(String json) {
        try {
            return JSON.readValue(json, OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("question.select_options is not JSON", e);
        }
    }
}
