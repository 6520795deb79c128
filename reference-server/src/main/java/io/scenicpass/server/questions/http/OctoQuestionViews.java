package io.scenicpass.server.questions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.questions.BookingAnswers;
import io.scenicpass.server.questions.Question;
import io.scenicpass.server.questions.Questions;
import io.scenicpass.server.questions.store.AnswerStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Adds {@code octo/questions} to OCTO answers: {@code questions} on products, options and units;
 * {@code questionAnswers} on bookings and their unit items — one entry per question asked of it, with the question
 * and the stored value (null while unanswered), as OCTO shows them. Works on the JSON tree, so bookings inside other
 * answers (an order's) are covered too; the sdk-channel model is left as it is.
 */
final class OctoQuestionViews {
    private final Questions questions;
    private final BookingAnswers answers;

    OctoQuestionViews(Questions questions, BookingAnswers answers) {
        this.questions = questions;
        this.answers = answers;
    }

    /** {@code body} as a JSON tree with the products' questions and the bookings' answers added. */
    JsonNode decorate(Object body) {
        JsonNode tree = OctoJson.mapper().valueToTree(body);
        walk(tree, new HashMap<>());
        return tree;
    }

    private void walk(JsonNode node, Map<String, List<Question>> byProduct) {
        if (node instanceof ObjectNode o) {
            if (o.has("availabilityType") && o.path("options").isArray()) {
                product(o, byProduct);
                return;
            }
            if (o.has("availabilityId") && o.path("unitItems").isArray() && o.has("productId")) {
                booking(o, byProduct);
                return;
            }
        }
        if (node.isContainerNode()) {
            node.forEach(n -> walk(n, byProduct));
        }
    }

    private void product(ObjectNode p, Map<String, List<Question>> byProduct) {
        List<Question> qs = of(p.path("id").asText(), byProduct);
        p.set("questions", list(qs, q -> q.optionId() == null && q.unitId() == null));
        for (JsonNode opt : p.path("options")) {
            String optionId = opt.path("id").asText();
            ((ObjectNode) opt).set("questions", list(qs, q -> optionId.equals(q.optionId()) && q.unitId() == null));
            for (JsonNode unit : opt.path("units")) {
                String unitId = unit.path("id").asText();
                ((ObjectNode) unit).set("questions", list(qs, q -> q.forUnit(unitId)));
            }
        }
    }

    private void booking(ObjectNode b, Map<String, List<Question>> byProduct) {
        List<Question> qs = of(b.path("productId").asText(), byProduct);
        Map<String, Map<String, String>> stored =
                qs.isEmpty() ? Map.of() : answers.stored(b.path("uuid").asText());
        String optionId = b.path("optionId").asText();
        b.set("questionAnswers", answers(qs, q -> q.forBooking(optionId), stored.get(AnswerStore.BOOKING)));
        for (JsonNode item : b.path("unitItems")) {
            String unitId = item.path("unitId").asText();
            ((ObjectNode) item)
                    .set(
                            "questionAnswers",
                            answers(
                                    qs,
                                    q -> q.forUnit(unitId),
                                    stored.get(item.path("uuid").asText())));
        }
    }

    private List<Question> of(String productId, Map<String, List<Question>> byProduct) {
        return byProduct.computeIfAbsent(productId, questions::ofProduct);
    }

    private static ArrayNode list(List<Question> qs, Predicate<Question> which) {
        ArrayNode out = OctoJson.mapper().createArrayNode();
        qs.stream().filter(which).forEach(q -> out.add(question(q)));
        return out;
    }

    private static ArrayNode answers(List<Question> qs, Predicate<Question> which, Map<String, String> stored) {
        ArrayNode out = OctoJson.mapper().createArrayNode();
        for (Question q : qs) {
            if (which.test(q)) {
                ObjectNode a = out.addObject();
                a.put("questionId", q.id());
                a.set("question", question(q));
                a.put("value", stored == null ? null : stored.get(q.id()));
            }
        }
        return out;
    }

    private static ObjectNode question(Question q) {
        ObjectNode n = OctoJson.mapper().createObjectNode();
        n.put("id", q.id());
        n.put("title", q.title());
        n.put("shortDescription", q.shortDescription());
        n.put("required", q.required());
        n.put("inputType", q.inputType());
        ArrayNode opts = n.putArray("selectOptions");
        q.selectOptions().forEach(o -> opts.addObject().put("label", o.label()).put("value", o.value()));
        return n;
    }
}
