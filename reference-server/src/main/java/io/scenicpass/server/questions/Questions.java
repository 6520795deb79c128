package io.scenicpass.server.questions;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.questions.store.QuestionStore;
import io.scenicpass.server.sales.CatalogueService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The questions an operator defines per product, option or unit (checked: 400 naming the question and field). */
public final class Questions {
    /** Most questions per product, and choices per select question. */
    public static final int MAX_QUESTIONS = 50;

    public static final int MAX_CHOICES = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Database db;
    private final CatalogueService catalogue;
    private final QuestionStore store = new QuestionStore();

    public Questions(Database db, CatalogueService catalogue) {
        this.db = db;
        this.catalogue = catalogue;
    }

    /** A product's questions, in order (none for a product without any). */
    public List<Question> ofProduct(String productId) {
        return db.read(c -> store.ofProduct(c, productId));
    }

    /** The questions of a product the operator can see (NOT_FOUND for an unknown product). */
    public List<Question> list(String productId) {
        known(productId);
        return ofProduct(productId);
    }

    /** Replaces a product's questions with {@code questions} (their product id is this one); returns them. */
    public List<Question> put(String productId, List<Question> questions) {
        known(productId);
        CatalogueService.ProductView pv = catalogue.product(productId, null);
        if (questions == null || questions.size() > MAX_QUESTIONS) {
            throw new ServiceException(Problem.BAD_REQUEST, "questions must be a list of at most " + MAX_QUESTIONS);
        }
        Set<String> ids = new HashSet<>();
        List<Question> out = new java.util.ArrayList<>();
        for (Question q : questions) {
            if (q == null || q.id() == null || !ID.matcher(q.id()).matches()) {
                throw new ServiceException(Problem.BAD_REQUEST, "each question needs an id of 1-64 [A-Za-z0-9_-]");
            }
            if (!ids.add(q.id())) {
                throw new ServiceException(Problem.BAD_REQUEST, "question " + q.id() + " is given twice");
            }
            check(pv, q);
            out.add(new Question(
                    q.id(),
                    productId,
                    q.optionId(),
                    q.unitId(),
                    q.title().strip(),
                    q.shortDescription(),
                    q.required(),
                    q.inputType(),
                    q.selectOptions()));
        }
        db.tx(c -> {
            List<String> taken = store.takenElsewhere(c, productId, List.copyOf(ids));
            if (!taken.isEmpty()) {
                throw new ServiceException(
                        Problem.CONFLICT, "question id " + taken.get(0) + " belongs to another product");
            }
            store.replace(c, productId, out);
            return null;
        });
        return out;
    }

    private static void check(CatalogueService.ProductView pv, Question q) {
        String at = "question " + q.id() + ": ";
        if (q.title() == null || q.title().isBlank() || q.title().length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, at + "title must be 1-200 characters");
        }
        if (q.shortDescription() != null && q.shortDescription().length() > 1000) {
            throw new ServiceException(Problem.BAD_REQUEST, at + "shortDescription must be at most 1000 characters");
        }
        if (q.inputType() == null || !AnswerRules.INPUT_TYPES.contains(q.inputType())) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    at + "inputType must be one of " + new java.util.TreeSet<>(AnswerRules.INPUT_TYPES));
        }
        boolean select = q.inputType().equals("select");
        if (select != !q.selectOptions().isEmpty() || q.selectOptions().size() > MAX_CHOICES) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    at + "a select question has 1-" + MAX_CHOICES + " selectOptions, the others none");
        }
        Set<String> values = new HashSet<>();
        for (Question.SelectOption o : q.selectOptions()) {
            if (o == null || blankOrLong(o.label()) || blankOrLong(o.value()) || !values.add(o.value())) {
                throw new ServiceException(
                        Problem.BAD_REQUEST,
                        at + "each selectOption needs a label and a distinct value (1-200 characters)");
            }
        }
        if (q.optionId() != null && pv.option(q.optionId()) == null) {
            throw new ServiceException(Problem.BAD_REQUEST, at + "optionId " + q.optionId() + " is not this product's");
        }
        if (q.unitId() != null) {
            boolean found = pv.options().stream()
                    .filter(o -> q.optionId() == null || o.option().id().equals(q.optionId()))
                    .anyMatch(o -> o.unit(q.unitId()) != null);
            if (!found) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, at + "unitId " + q.unitId() + " is not a unit of this product (option)");
            }
        }
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.isBlank() || s.length() > 200;
    }

    private void known(String productId) {
        if (productId == null || !catalogue.exists(productId)) {
            throw new ServiceException(Problem.NOT_FOUND, "unknown product", productId);
        }
    }
}
