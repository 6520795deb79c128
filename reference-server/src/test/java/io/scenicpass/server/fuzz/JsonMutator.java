package io.scenicpass.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a valid JSON body: type swaps, nulls, missing and extra fields, huge, negative and fractional numbers,
 * NaN-like strings, very long strings, unicode (lone surrogates, NUL, emoji, RTL), deep nesting, duplicated keys,
 * truncation, byte-level damage, non-object bodies and plain garbage. Some bodies are left valid so the handlers'
 * success paths run too.
 */
final class JsonMutator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern KEY = Pattern.compile("[{,]\"([^\"\\\\]*)\":");
    private static final String[] WEIRD_STRINGS = {
        "",
        " ",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e309",
        "-0",
        "0x10",
        "null",
        "true",
        "2026-02-30",
        "2026-06-02T25:00:00+08:00",
        "24:00",
        "P1D",
        "../../etc/passwd",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "\u0000",
        "\ud800",
        "\udfff",
        "\ud83d\ude00",
        "\u202e\u0645\u0631\u062d\u0628\u0627",
        "\u200b",
        "\uffff",
        "中文字符",
        "%00",
        "${jndi:ldap://x/a}",
        "9999-12-31",
        "-999999999-01-01",
        "SP1",
        "*"
    };
    private static final String[] WEIRD_NUMBERS = {
        "1e400",
        "-1e400",
        "99999999999999999999999999",
        "-9223372036854775809",
        "9223372036854775808",
        "2147483648",
        "-2147483649",
        "1.5",
        "-1",
        "-0",
        "0",
        "1e-400",
        "4.9e-324",
        "123456789012",
        "0.0000001"
    };

    private static final String STRUCTURE = "{}[]\",:\\0 -.e";

    private final Random r;

    JsonMutator(Random r) {
        this.r = r;
    }

    /**
     * One mutated body (may be the seed unchanged, or not JSON at all). Lone surrogates are written as JSON escapes
     * ({@code \\ud800}), which survive the UTF-8 encoding of the request.
     */
    String mutate(String seed) {
        return escapeLoneSurrogates(mutateRaw(seed));
    }

    static String escapeLoneSurrogates(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (lone) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private String mutateRaw(String seed) {
        int kind = r.nextInt(20);
        if (kind < 3) {
            return seed;
        }
        if (kind < 12) {
            return treeMutation(seed);
        }
        if (kind < 14) {
            return duplicateKey(seed);
        }
        if (kind < 17) {
            return textMutation(seed);
        }
        return special();
    }

    private String treeMutation(String seed) {
        JsonNode root;
        try {
            root = MAPPER.readTree(seed);
        } catch (Exception e) {
            return seed;
        }
        int ops = 1 + r.nextInt(3);
        for (int k = 0; k < ops; k++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                break;
            }
            JsonNode c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                int op = r.nextInt(6);
                if (names.isEmpty() || op == 0) {
                    o.set(r.nextBoolean() ? "extra" + r.nextInt(100) : randomString(8), randomValue(0));
                } else {
                    String name = names.get(r.nextInt(names.size()));
                    switch (op) {
                        case 1:
                            o.remove(name);
                            break;
                        case 2:
                            o.putNull(name);
                            break;
                        default:
                            o.set(name, replacement(o.get(name)));
                    }
                }
            } else if (c instanceof ArrayNode a) {
                int op = r.nextInt(4);
                if (a.isEmpty() || op == 0) {
                    a.add(randomValue(0));
                } else if (op == 1) {
                    a.remove(r.nextInt(a.size()));
                } else if (op == 2) {
                    JsonNode e = a.get(r.nextInt(a.size()));
                    int n = r.nextInt(5) == 0 ? 600 : 1 + r.nextInt(3); // many copies: list limits
                    for (int i = 0; i < n; i++) {
                        a.add(e.deepCopy());
                    }
                } else {
                    a.set(r.nextInt(a.size()), replacement(a.get(0)));
                }
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    /** A value to put where {@code old} was: same type but extreme, or another type. */
    private JsonNode replacement(JsonNode old) {
        if (old != null && old.isNumber() && r.nextBoolean()) {
            return number(WEIRD_NUMBERS[r.nextInt(WEIRD_NUMBERS.length)]);
        }
        if (old != null && old.isTextual() && r.nextBoolean()) {
            return F.textNode(
                    r.nextInt(3) == 0 ? longString() : old.asText() + WEIRD_STRINGS[r.nextInt(WEIRD_STRINGS.length)]);
        }
        return randomValue(0);
    }

    private JsonNode number(String s) {
        BigDecimal d = new BigDecimal(s.replace("1e400", "1E+400").replace("1e-400", "1E-400"));
        try {
            return F.numberNode(d.toBigIntegerExact());
        } catch (ArithmeticException e) {
            return F.numberNode(d);
        }
    }

    JsonNode randomValue(int depth) {
        switch (r.nextInt(depth > 2 ? 6 : 9)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(r.nextBoolean());
            case 2:
                return number(WEIRD_NUMBERS[r.nextInt(WEIRD_NUMBERS.length)]);
            case 3:
                return F.numberNode(r.nextInt(2001) - 1000);
            case 4:
                return F.textNode(WEIRD_STRINGS[r.nextInt(WEIRD_STRINGS.length)]);
            case 5:
                return F.textNode(r.nextInt(4) == 0 ? longString() : randomString(1 + r.nextInt(20)));
            case 6: {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(depth + 1));
                }
                return a;
            }
            case 7: {
                ObjectNode o = F.objectNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.set(randomString(5), randomValue(depth + 1));
                }
                return o;
            }
            default:
                return F.numberNode(new BigInteger(80, r).negate());
        }
    }

    private String longString() {
        int n = new int[] {300, 5_000, 70_000, 300_000}[r.nextInt(4)];
        StringBuilder sb = new StringBuilder(n);
        String unit = r.nextBoolean() ? "a" : "票\ud83d\ude00";
        while (sb.length() < n) {
            sb.append(unit);
        }
        return sb.toString();
    }

    private String randomString(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            sb.append(
                    k < 6 ? (char) ('a' + r.nextInt(26)) : k < 8 ? (char) r.nextInt(0x20) : (char) r.nextInt(0x10000));
        }
        return sb.toString();
    }

    /** Repeats a key of some object with another value ({@code {"a":1,"a":"x"}}): JSON allows it, parsers differ. */
    private String duplicateKey(String seed) {
        Matcher m = KEY.matcher(seed);
        List<int[]> hits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start() + 1});
            names.add(m.group(1));
        }
        if (hits.isEmpty()) {
            return seed;
        }
        int i = r.nextInt(hits.size());
        String value = r.nextBoolean() ? "null" : randomValue(1).toString();
        String dup = "\"" + names.get(i) + "\":" + value + ",";
        int at = hits.get(i)[0];
        return seed.substring(0, at) + dup + seed.substring(at);
    }

    private String textMutation(String seed) {
        StringBuilder b = new StringBuilder(seed);
        int ops = 1 + r.nextInt(3);
        for (int k = 0; k < ops && b.length() > 0; k++) {
            int pos = r.nextInt(b.length());
            switch (r.nextInt(6)) {
                case 0:
                    b.setLength(pos);
                    break; // truncated JSON
                case 1:
                    b.setCharAt(pos, STRUCTURE.charAt(r.nextInt(STRUCTURE.length())));
                    break;
                case 2:
                    b.insert(pos, STRUCTURE.charAt(r.nextInt(STRUCTURE.length())));
                    break;
                case 3:
                    b.deleteCharAt(pos);
                    break;
                case 4:
                    b.insert(pos, b.substring(pos, Math.min(b.length(), pos + 1 + r.nextInt(20))));
                    break;
                default:
                    b.setCharAt(pos, (char) r.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    private String special() {
        switch (r.nextInt(12)) {
            case 0:
                return "";
            case 1:
                return "null";
            case 2:
                return "[]";
            case 3:
                return "[{}]";
            case 4:
                return "12345";
            case 5:
                return "\"text\"";
            case 6:
                return "{";
            case 7:
                return nested(new int[] {50, 999, 1_001, 20_000}[r.nextInt(4)]);
            case 8:
                return "{\"a\":" + nested(new int[] {500, 5_000}[r.nextInt(2)]) + "}";
            case 9:
                return "{\"a\":1}garbage";
            case 10:
                return "\ufeff{}";
            default:
                return randomString(1 + r.nextInt(200));
        }
    }

    private String nested(int depth) {
        boolean arrays = r.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString();
    }
}
