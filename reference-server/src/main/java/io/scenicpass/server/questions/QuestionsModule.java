package io.scenicpass.server.questions;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.questions.http.OctoQuestions;
import io.scenicpass.server.questions.http.QuestionAdminApi;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;

/** OCTO questions: the products' questions, the bookings' answers, their part of the OCTO API and the admin API. */
public final class QuestionsModule {
    public final Questions questions;
    public final BookingAnswers answers;
    public final OctoQuestions octo;

    public QuestionsModule(Platform p, CatalogueService catalogue, BookingService bookings) {
        questions = new Questions(p.db(), catalogue);
        answers = new BookingAnswers(p.db());
        octo = new OctoQuestions(catalogue, bookings, questions, answers);
    }

    /** The admin API (it needs the admin token check, built after this module). */
    public QuestionAdminApi api(AdminService admin) {
        return new QuestionAdminApi(admin, questions);
    }
}
