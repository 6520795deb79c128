package io.scenicpass.terminal.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The structural rules of the DCC JSON schema (versions 1.0.0 to 1.3.x) that matter at a gate: version,
 * name, date of birth, and exactly one vaccination, test or recovery entry with its required fields.
 * Value sets (vaccine codes, test types) are not checked: they change over time and do not make a
 * certificate unreadable.
 */
final class DccSchema {
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
    private static final Pattern STANDARDISED_NAME = Pattern.compile("^[A-Z<]*$");
    private static final Pattern DOB = Pattern.compile("^((19|20)\\d\\d(-\\d\\d){0,2})?$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*$");
    private static final int MAX_NAME = 80;

    private static final String[] VACCINATION = {"tg", "vp", "mp", "ma", "dt", "co", "is", "ci"};
    private static final String[] TEST = {"tg", "tt", "sc", "tr", "co", "is", "ci"};
    private static final String[] RECOVERY = {"tg", "fr", "co", "is", "df", "du", "ci"};

    private DccSchema() {}

    /**
     * @param dcc the DCC JSON (the hcert claim)
     * @return the type of the single statement it holds
     * @throws DccException SCHEMA naming the first rule broken (field names only, no values)
     */
    static HealthCertificateType validate(JsonNode dcc) throws DccException {
        if (dcc == null || !dcc.isObject()) {
            throw fail("certificate is not an object");
        }
        if (!VERSION.matcher(dcc.path("ver").asText("")).matches()
                || !dcc.path("ver").isTextual()) {
            throw fail("ver missing or not a version");
        }
        JsonNode nam = dcc.path("nam");
        if (!nam.isObject()) {
            throw fail("nam missing");
        }
        if (!nam.path("fnt").isTextual()) {
            throw fail("nam.fnt missing");
        }
        standardisedName(nam, "fnt");
        standardisedName(nam, "gnt");
        plainName(nam, "fn");
        plainName(nam, "gn");
        JsonNode dob = dcc.path("dob");
        if (!dob.isTextual() || !DOB.matcher(dob.asText()).matches()) {
            throw fail("dob missing or not a date");
        }
        HealthCertificateType found = null;
        for (HealthCertificateType t : HealthCertificateType.values()) {
            if (dcc.has(t.field())) {
                if (found != null) {
                    throw fail("more than one of v, t, r");
                }
                found = t;
            }
        }
        if (found == null) {
            throw fail("none of v, t, r");
        }
        JsonNode entries = dcc.get(found.field());
        if (!entries.isArray() || entries.size() != 1) {
            throw fail(found.field() + " must hold exactly one entry");
        }
        entry(found, entries.get(0));
        return found;
    }

    private static void entry(HealthCertificateType type, JsonNode e) throws DccException {
        if (!e.isObject()) {
            throw fail(type.field() + "[0] is not an object");
        }
        String[] required = type == HealthCertificateType.VACCINATION
                ? VACCINATION
                : type == HealthCertificateType.TEST ? TEST : RECOVERY;
        for (String field : required) {
            if (!e.path(field).isTextual() || e.path(field).asText().isEmpty()) {
                throw fail(type.field() + "[0]." + field + " missing");
            }
        }
        if (e.path("ci").asText().length() > MAX_NAME) {
            throw fail(type.field() + "[0].ci too long");
        }
        if (type == HealthCertificateType.VACCINATION) {
            positive(e, "dn");
            positive(e, "sd");
            date(e, "dt");
        } else if (type == HealthCertificateType.TEST) {
            date(e, "sc");
        } else {
            date(e, "fr");
            date(e, "df");
            date(e, "du");
        }
    }

    private static void positive(JsonNode e, String field) throws DccException {
        JsonNode n = e.path(field);
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw fail("v[0]." + field + " is not a positive integer");
        }
    }

    private static void date(JsonNode e, String field) throws DccException {
        if (!DATE.matcher(e.path(field).asText("")).matches()) {
            throw fail(field + " is not a date");
        }
    }

    private static void standardisedName(JsonNode nam, String field) throws DccException {
        JsonNode n = nam.path(field);
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isTextual()
                || n.asText().length() > MAX_NAME
                || !STANDARDISED_NAME.matcher(n.asText()).matches()) {
            throw fail("nam." + field + " is not a standardised name");
        }
    }

    private static void plainName(JsonNode nam, String field) throws DccException {
        JsonNode n = nam.path(field);
        if (!n.isMissingNode() && (!n.isTextual() || n.asText().length() > MAX_NAME)) {
            throw fail("nam." + field + " is not a name");
        }
    }

    private static DccException fail(String message) {
        return new DccException(HealthCertificateReason.SCHEMA, message);
    }
}
