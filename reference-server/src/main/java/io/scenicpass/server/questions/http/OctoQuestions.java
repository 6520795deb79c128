package io.scenicpass.server.questions.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.javalin.http.Context;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.BookingUpdateRequest;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.questions.Answers;
import io.scenicpass.server.questions.BookingAnswers;
import io.scenicpass.server.questions.Question;
import io.scenicpass.server.questions.Questions;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.http.OctoApi;
import io.scenicpass.server.sales.store.Booking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code octo/questions} in the OCTO API: around reserve, PATCH and confirm it reads {@code questionAnswers} (on the
 * booking and on {@code unitItems[]}) from the same body the OCTO model was read from, checks them before the booking
 * changes and stores them after; {@link OctoQuestionViews} adds questions and answers to the answers. All of it only
 * when the request's {@code Octo-Capabilities} names {@code octo/questions}; otherwise answers are ignored.
 */
public final class OctoQuestions {
    /** The capability's id. */
    public static final String CAPABILITY = "octo/questions";

    private static final RequestBodies BODIES =
            RequestBodies.of(OctoJson.newMapper()).ignoringUnknownFields();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(List<Answers.Answer> questionAnswers, List<Item> unitItems) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(List<Answers.Answer> questionAnswers) {}

    private final CatalogueService catalogue;
    private final BookingService bookings;
    private final Questions questions;
    private final BookingAnswers answers;
    private final OctoQuestionViews views;

    public OctoQuestions(
            CatalogueService catalogue, BookingService bookings, Questions questions, BookingAnswers answers) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.questions = questions;
        this.answers = answers;
        this.views = new OctoQuestionViews(questions, answers);
    }

    /** True when the request's {@code Octo-Capabilities} names {@code octo/questions}. */
    public static boolean asked(Context ctx) {
        return OctoApi.asks(ctx, CAPABILITY);
    }

    /** A reservation with its answers: checked against the product (option, units) first, stored with the hold. */
    public Booking reserve(Context ctx, Channel ch, BookingReservationRequest req, Supplier<Booking> reserve)
            throws IOException {
        Answers given = asked(ctx) ? read(ctx) : Answers.NONE;
        if (given.isEmpty()) {
            return reserve.get();
        }
        CatalogueService.OptionView ov =
                catalogue.product(req.getProductId(), ch.id()).optionOrDefault(req.getOptionId());
        if (ov == null) {
            return reserve.get(); // the booking service refuses the unknown option
        }
        List<Question> qs = questions.ofProduct(req.getProductId());
        BookingAnswers.check(qs, ov.option().id(), unitIds(req.getUnitItems()), given);
        return answers.store(reserve.get(), qs, given);
    }

    /**
     * A PATCH with answers: checked against where the booking goes (its product and option, the unit items given, or
     * its own; a new option without unit items maps them by type, so item answers are checked against every unit's
     * questions), stored on the changed booking.
     */
    public Booking update(Context ctx, Channel ch, String uuid, BookingUpdateRequest req, Supplier<Booking> update)
            throws IOException {
        Answers given = asked(ctx) ? read(ctx) : Answers.NONE;
        if (given.isEmpty()) {
            return update.get();
        }
        Booking current = bookings.get(ch, uuid);
        boolean sameProduct = req.getProductId() == null || req.getProductId().equals(current.productId());
        String productId = sameProduct ? current.productId() : req.getProductId();
        CatalogueService.OptionView ov = catalogue
                .product(productId, ch.id())
                .optionOrDefault(
                        req.getOptionId() != null ? req.getOptionId() : sameProduct ? current.optionId() : null);
        if (ov == null) {
            return update.get();
        }
        List<String> units = unitIds(req.getUnitItems());
        if (units == null && ov.option().id().equals(current.optionId())) {
            units = current.unitItems().stream().map(Booking.UnitItem::unitId).toList();
        }
        List<Question> qs = questions.ofProduct(productId);
        BookingAnswers.check(qs, ov.option().id(), units, given);
        return answers.store(update.get(), qs, given);
    }

    /**
     * A confirm: the answers given now are checked, and every required question of the booking and of its unit items
     * (those given at confirm, or its own) must be answered, now or before; then they are stored with the sale.
     */
    public Booking confirm(
            Context ctx, Channel ch, String uuid, BookingConfirmationRequest req, Supplier<Booking> confirm)
            throws IOException {
        if (!asked(ctx)) {
            return confirm.get();
        }
        Answers given = read(ctx);
        Booking current = bookings.get(ch, uuid);
        List<Question> qs = questions.ofProduct(current.productId());
        if (qs.isEmpty() && given.isEmpty()) {
            return confirm.get();
        }
        List<String> units = req == null ? null : unitIds(req.getUnitItems());
        boolean replaced = units != null;
        if (!replaced) {
            units = current.unitItems().stream().map(Booking.UnitItem::unitId).toList();
        }
        BookingAnswers.check(qs, current.optionId(), units, given);
        if (current.status() == io.scenicpass.server.sales.BookingState.ON_HOLD) {
            List<String> itemUuids = replaced
                    ? List.of() // new unit items: only the answers given with them count
                    : current.unitItems().stream().map(Booking.UnitItem::uuid).toList();
            BookingAnswers.requireComplete(
                    qs, current.optionId(), units, itemUuids, answers.stored(current.uuid()), given);
        }
        return answers.store(confirm.get(), qs, given);
    }

    /** The body adding questions (products) and answers (bookings) when the request asked for them; else as it is. */
    public Object show(Context ctx, Object body) {
        return asked(ctx) ? views.decorate(body) : body;
    }

    /** The unit ids of request unit items with units (null: none given, so the booking keeps its own). */
    private static List<String> unitIds(List<UnitItemRequest> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (UnitItemRequest ui : items) {
            out.add(ui == null ? null : ui.getUnitId());
        }
        return out.stream().allMatch(java.util.Objects::isNull) ? null : out;
    }

    private static Answers read(Context ctx) throws IOException {
        Body b = BODIES.readOptional(ctx, Body.class);
        if (b == null) {
            return Answers.NONE;
        }
        List<List<Answers.Answer>> items = new ArrayList<>();
        if (b.unitItems() != null) {
            for (Item it : b.unitItems()) {
                items.add(it == null ? null : bounded(it.questionAnswers()));
            }
        }
        return new Answers(bounded(b.questionAnswers()), items);
    }

    private static List<Answers.Answer> bounded(List<Answers.Answer> list) {
        if (list != null && list.size() > Questions.MAX_QUESTIONS) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "at most " + Questions.MAX_QUESTIONS + " questionAnswers per booking or item");
        }
        return list;
    }
}
