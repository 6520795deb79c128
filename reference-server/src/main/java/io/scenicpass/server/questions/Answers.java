package io.scenicpass.server.questions;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers a request gives: the booking's own and each unit item's by position (null: none given for it). A null
 * or blank value clears an answer.
 */
public record Answers(List<Answer> booking, List<List<Answer>> items) {
    public static final Answers NONE = new Answers(List.of(), List.of());

    public Answers {
        booking = booking == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(booking));
        items = items == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** One answer: the question's id and the answer as text. */
    public record Answer(String questionId, String value) {
        /** The value is left out: answers may be personal data and this may end up in a log. */
        @Override
        public String toString() {
            return "Answer{" + questionId + "}";
        }
    }

    public boolean isEmpty() {
        return booking.isEmpty() && items.stream().allMatch(a -> a == null || a.isEmpty());
    }

    /** The answers given for the unit item at {@code position} (empty when none). */
    public List<Answer> item(int position) {
        List<Answer> a = position < items.size() ? items.get(position) : null;
        return a == null ? List.of() : a;
    }
}
