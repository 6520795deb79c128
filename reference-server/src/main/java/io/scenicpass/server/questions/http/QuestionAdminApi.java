package io.scenicpass.server.questions.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.questions.Question;
import io.scenicpass.server.questions.Questions;
import java.util.List;
import java.util.Map;

/**
 * The operator's questions API (admin token): {@code GET|PUT /admin/v1/products/{id}/questions}; a PUT replaces the
 * product's questions with the list given (answers to a question left out are no longer shown).
 */
public final class QuestionAdminApi {
    record QuestionsBody(List<QuestionBody> questions) {}

    record QuestionBody(
            String id,
            String optionId,
            String unitId,
            String title,
            String shortDescription,
            Boolean required,
            String inputType,
            List<Question.SelectOption> selectOptions) {
        Question question(String productId) {
            return new Question(
                    id,
                    productId,
                    optionId,
                    unitId,
                    title,
                    shortDescription,
                    Boolean.TRUE.equals(required),
                    inputType,
                    selectOptions);
        }
    }

    private final AdminService admin;
    private final Questions questions;

    public QuestionAdminApi(AdminService admin, Questions questions) {
        this.admin = admin;
        this.questions = questions;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/products/{id}/questions";
        r.get(p, auth(ctx -> ctx.json(Map.of("questions", questions.list(ctx.pathParam("id"))))));
        r.put(p, auth(ctx -> {
            QuestionsBody b = RequestBodies.ADMIN.read(ctx, QuestionsBody.class);
            List<QuestionBody> given = RequestBodies.required(b.questions(), "questions");
            String productId = ctx.pathParam("id");
            ctx.json(Map.of(
                    "questions",
                    questions.put(
                            productId,
                            given.stream()
                                    .map(q -> q == null ? null : q.question(productId))
                                    .toList())));
        }));
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
