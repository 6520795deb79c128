package io.scenicpass.server.visitors.segments;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed segment expression compiled to a SQL condition over {@code visitor v} with its bound values.
 *
 * <pre>
 * expr    := and ("OR" and)*
 * and     := unary ("AND" unary)*
 * unary   := "NOT" unary | "(" expr ")" | "tags" "has" TAG | "consent" | FACT OP NUMBER
 * FACT    := visits12m | bookings12m | receipts12m | spend12m | dwell12m     OP := &gt;= | &lt;= | &gt; | &lt; | = | !=
 * </pre>
 * Keywords are case-insensitive; spend is in minor units (fen), dwell in minutes.
 */
public record SegmentExpression(String text, String sql, List<Object> args) {
    public static final int MAX_LENGTH = 500;
    private static final int MAX_TERMS = 30;
    private static final Map<String, String> FACTS = Map.of(
            "visits12m", "v.visits_12m",
            "bookings12m", "v.bookings_12m",
            "receipts12m", "v.receipts_12m",
            "spend12m", "v.spend_12m",
            "dwell12m", "v.dwell_12m");
    private static final Pattern TOKEN =
            Pattern.compile("\\s*(?:(>=|<=|!=|[<>=()])|([A-Za-z_][A-Za-z0-9_-]{0,39})|([0-9]{1,12}))");

    /** Parses {@code text}; a mistake is a typed 400 naming where it is. */
    public static SegmentExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad("expression is required", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw bad("expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Parser p = new Parser(tokens(text));
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        p.expr(sql, args, 0);
        if (p.pos < p.tokens.size()) {
            throw bad("unexpected '" + p.tokens.get(p.pos).text + "'", p.tokens.get(p.pos).at);
        }
        return new SegmentExpression(text.strip(), sql.toString(), List.copyOf(args));
    }

    private record Token(String text, int at, boolean word, boolean number) {}

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                int bad = at;
                while (Character.isWhitespace(text.charAt(bad))) {
                    bad++;
                }
                throw bad("unexpected character '" + text.charAt(bad) + "'", bad);
            }
            int start = m.start(m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3);
            out.add(new Token(m.group().strip(), start, m.group(2) != null, m.group(3) != null));
            at = m.end();
        }
        return out;
    }

    private static final class Parser {
        final List<Token> tokens;
        int pos;
        int terms;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        void expr(StringBuilder sql, List<Object> args, int depth) {
            sql.append('(');
            and(sql, args, depth);
            while (keyword("or")) {
                sql.append(" OR ");
                and(sql, args, depth);
            }
            sql.append(')');
        }

        void and(StringBuilder sql, List<Object> args, int depth) {
            sql.append('(');
            unary(sql, args, depth);
            while (keyword("and")) {
                sql.append(" AND ");
                unary(sql, args, depth);
            }
            sql.append(')');
        }

        void unary(StringBuilder sql, List<Object> args, int depth) {
            if (depth > 20 || ++terms > MAX_TERMS) {
                throw bad("expression is too deep or has more than " + MAX_TERMS + " terms", at());
            }
            if (keyword("not")) {
                sql.append("NOT ");
                unary(sql, args, depth + 1);
            } else if (symbol("(")) {
                expr(sql, args, depth + 1);
                if (!symbol(")")) {
                    throw bad("')' expected", at());
                }
            } else if (keyword("tags")) {
                if (!keyword("has")) {
                    throw bad("'has' expected after 'tags'", at());
                }
                Token tag = next("a tag name");
                if (!tag.word()) {
                    throw bad("a tag name expected", tag.at());
                }
                sql.append("EXISTS (SELECT 1 FROM visitor_tag t WHERE t.visitor_id=v.id AND t.tag=?)");
                args.add(tag.text().toLowerCase(Locale.ROOT));
            } else if (keyword("consent")) {
                sql.append("v.marketing_consent");
            } else {
                Token fact = next("a tag test, consent or a fact");
                String column = FACTS.get(fact.text().toLowerCase(Locale.ROOT));
                if (column == null) {
                    throw bad(
                            "unknown fact '" + fact.text() + "' (facts: visits12m, bookings12m, receipts12m,"
                                    + " spend12m, dwell12m)",
                            fact.at());
                }
                Token op = next("a comparison");
                if (!List.of(">=", "<=", ">", "<", "=", "!=").contains(op.text())) {
                    throw bad("a comparison (>=, <=, >, <, =, !=) expected", op.at());
                }
                Token n = next("a number");
                if (!n.number()) {
                    throw bad("a whole number expected", n.at());
                }
                sql.append(column)
                        .append(op.text().equals("!=") ? "<>" : op.text())
                        .append('?');
                args.add(Long.parseLong(n.text()));
            }
        }

        private boolean keyword(String k) {
            if (pos < tokens.size()
                    && tokens.get(pos).word()
                    && tokens.get(pos).text().equalsIgnoreCase(k)) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean symbol(String s) {
            if (pos < tokens.size() && tokens.get(pos).text().equals(s)) {
                pos++;
                return true;
            }
            return false;
        }

        private Token next(String what) {
            if (pos >= tokens.size()) {
                throw bad(what + " expected at the end", at());
            }
            return tokens.get(pos++);
        }

        private int at() {
            return pos < tokens.size() ? tokens.get(pos).at() : -1;
        }
    }

    private static ServiceException bad(String message, int at) {
        return new ServiceException(
                Problem.BAD_REQUEST, "expression: " + message + (at >= 0 ? " (at character " + (at + 1) + ")" : ""));
    }
}
