package io.scenicpass.server.questions;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.questions.store.AnswerStore;
import io.scenicpass.server.sales.store.Booking;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A booking's answers: checked against the product's questions before the booking changes (unknown question, bad
 * value: BAD_REQUEST; a required one missing at confirm: UNPROCESSABLE_ENTITY), stored after it changed, read back.
 */
public final class BookingAnswers {
    private final Database db;
    private final AnswerStore store = new AnswerStore();

    public BookingAnswers(Database db) {
        this.db = db;
    }

    /**
     * Refuses answers to questions not asked of this booking ({@code optionId}) or its unit items ({@code unitIds}
     * by position; null: not known yet, any unit question of the product may be answered), and bad values.
     */
    public static void check(List<Question> questions, String optionId, List<String> unitIds, Answers given) {
        checkList(questions, given.booking(), q -> q.forBooking(optionId), "booking");
        for (int i = 0; i < given.items().size(); i++) {
            List<Answers.Answer> a = given.item(i);
            if (a.isEmpty()) {
                continue;
            }
            if (unitIds != null && i >= unitIds.size()) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "unitItems[" + i + "]: no such unit item to answer for");
            }
            String unit = unitIds == null ? null : unitIds.get(i);
            checkList(questions, a, q -> unit == null ? q.unitId() != null : q.forUnit(unit), "unitItems[" + i + "]");
        }
    }

    private static void checkList(
            List<Question> questions, List<Answers.Answer> answers, Predicate<Question> asked, String where) {
        Set<String> seen = new HashSet<>();
        for (Answers.Answer a : answers) {
            if (a == null || a.questionId() == null) {
                throw new ServiceException(Problem.BAD_REQUEST, where + ": each questionAnswer needs a questionId");
            }
            Question q = questions.stream()
                    .filter(x -> x.id().equals(a.questionId()) && asked.test(x))
                    .findFirst()
                    .orElseThrow(() -> new ServiceException(
                            Problem.BAD_REQUEST, where + ": unknown question " + idForMessage(a.questionId())));
            if (!seen.add(q.id())) {
                throw new ServiceException(Problem.BAD_REQUEST, where + ": question " + q.id() + " is answered twice");
            }
            if (a.value() != null && !a.value().isBlank()) {
                AnswerRules.check(q, a.value());
            }
        }
    }

    /**
     * Refuses to confirm while a required question of the booking or of a unit item is unanswered, counting the
     * stored answers ({@code stored}: item uuid → answers, see {@link #stored}) under those given now.
     */
    public static void requireComplete(
            List<Question> questions,
            String optionId,
            List<String> unitIds,
            List<String> itemUuids,
            Map<String, Map<String, String>> stored,
            Answers given) {
        Map<String, String> booking = merged(stored.get(AnswerStore.BOOKING), given.booking());
        for (Question q : questions) {
            if (q.required() && q.forBooking(optionId) && !booking.containsKey(q.id())) {
                throw missing(q, "the booking");
            }
        }
        for (int i = 0; i < unitIds.size(); i++) {
            String uuid = itemUuids != null && i < itemUuids.size() ? itemUuids.get(i) : null;
            Map<String, String> item = merged(uuid == null ? null : stored.get(uuid), given.item(i));
            for (Question q : questions) {
                if (q.required() && q.forUnit(unitIds.get(i)) && !item.containsKey(q.id())) {
                    throw missing(q, "unitItems[" + i + "]");
                }
            }
        }
    }

    /** Stores the answers given for booking {@code b} (unit items by position), those it asks; returns {@code b}. */
    public Booking store(Booking b, List<Question> questions, Answers given) {
        if (given.isEmpty()) {
            return b;
        }
        db.tx(c -> {
            for (Answers.Answer a : given.booking()) {
                if (asked(questions, a, q -> q.forBooking(b.optionId()))) {
                    store.put(c, b.uuid(), AnswerStore.BOOKING, a.questionId(), a.value(), b.localDate());
                }
            }
            for (int i = 0; i < b.unitItems().size(); i++) {
                Booking.UnitItem item = b.unitItems().get(i);
                for (Answers.Answer a : given.item(i)) {
                    if (asked(questions, a, q -> q.forUnit(item.unitId()))) {
                        store.put(c, b.uuid(), item.uuid(), a.questionId(), a.value(), b.localDate());
                    }
                }
            }
            store.moveVisit(c, b.uuid(), b.localDate());
            return null;
        });
        return b;
    }

    /** A booking's stored answers: item uuid ({@link AnswerStore#BOOKING} for the booking) → question id → value. */
    public Map<String, Map<String, String>> stored(String bookingUuid) {
        return db.read(c -> store.ofBooking(c, bookingUuid));
    }

    private static boolean asked(List<Question> questions, Answers.Answer a, Predicate<Question> asked) {
        return questions.stream().anyMatch(q -> q.id().equals(a.questionId()) && asked.test(q));
    }

    private static Map<String, String> merged(Map<String, String> stored, List<Answers.Answer> given) {
        Map<String, String> out = new HashMap<>(stored == null ? Map.of() : stored);
        for (Answers.Answer a : given) {
            if (a.value() == null || a.value().isBlank()) {
                out.remove(a.questionId());
            } else {
                out.put(a.questionId(), a.value());
            }
        }
        return out;
    }

    private static ServiceException missing(Question q, String where) {
        return new ServiceException(
                Problem.UNPROCESSABLE_ENTITY, "question " + q.id() + " of " + where + " is required before confirm");
    }

    /** A question id as it may appear in a message: short and plain, or left out. */
    private static String idForMessage(String id) {
        return id.matches("[A-Za-z0-9_-]{1,64}") ? id : "(malformed id)";
    }
}
