package io.scenicpass.server.adapters.ctrip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Ctrip's JSON envelope {@code {header: {accountId, serviceName, requestTime, version, sign}, body}}. The body is
 * signed as the JSON text it was sent as: a body sent as a string is signed as that string, a body sent as an object
 * as its compact JSON with the keys in the order sent (what Ctrip's own example, {@code json.getString("body")}, does).
 */
public record CtripEnvelope(
        String accountId,
        String serviceName,
        String requestTime,
        String version,
        String sign,
        String bodyText,
        JsonNode body) {
    /** Ctrip's request times: local time in China (UTC+8), {@code yyyy-MM-dd HH:mm:ss}. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Reads an envelope, or {@link CtripCode#UNREADABLE}. */
    public static CtripEnvelope parse(byte[] raw) {
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (IOException e) {
            throw new CtripException(CtripCode.UNREADABLE, "the request is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("header").isObject()) {
            throw new CtripException(CtripCode.UNREADABLE, "header is missing");
        }
        JsonNode h = root.get("header");
        JsonNode b = root.path("body");
        String bodyText;
        JsonNode body;
        try {
            if (b.isTextual()) {
                bodyText = b.asText();
                body = bodyText.isEmpty() ? JSON.createObjectNode() : JSON.readTree(bodyText);
            } else if (b.isObject()) {
                bodyText = JSON.writeValueAsString(b);
                body = b;
            } else if (b.isMissingNode() || b.isNull()) {
                bodyText = "";
                body = JSON.createObjectNode();
            } else {
                throw new CtripException(CtripCode.UNREADABLE, "body must be an object or its JSON text");
            }
        } catch (JsonProcessingException e) {
            throw new CtripException(CtripCode.UNREADABLE, "body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new CtripException(CtripCode.UNREADABLE, "body must be a JSON object");
        }
        return new CtripEnvelope(
                text(h, "accountId"),
                text(h, "serviceName"),
                text(h, "requestTime"),
                text(h, "version"),
                text(h, "sign"),
                bodyText,
                body);
    }

    private static String text(JsonNode h, String field) {
        JsonNode v = h.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank() || v.asText().length() > 200) {
            throw new CtripException(CtripCode.UNREADABLE, "header." + field + " is required");
        }
        return v.asText();
    }

    /** The request time as an instant, or {@link CtripCode#UNREADABLE}. */
    public Instant requestInstant() {
        try {
            return LocalDateTime.parse(requestTime, TIME).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new CtripException(CtripCode.UNREADABLE, "header.requestTime must be yyyy-MM-dd HH:mm:ss");
        }
    }

    /** A reply {@code {header: {resultCode, resultMessage}, body?}}. */
    public static String reply(CtripCode code, String message, JsonNode body) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode h = out.putObject("header");
        h.put("resultCode", code.code);
        h.put("resultMessage", message == null ? code.message : message);
        if (body != null) {
            out.set("body", body);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed request envelope for Ctrip (the outbound notices): the body sent as an object, signed compact. */
    public static String request(
            String accountId, String serviceName, Instant now, String version, String key, JsonNode body) {
        try {
            String bodyText = JSON.writeValueAsString(body);
            String time = TIME.format(now.atZone(ZONE));
            ObjectNode out = JSON.createObjectNode();
            ObjectNode h = out.putObject("header");
            h.put("accountId", accountId);
            h.put("serviceName", serviceName);
            h.put("requestTime", time);
            h.put("version", version);
            h.put("sign", CtripSignature.sign(accountId, serviceName, time, bodyText, version, key));
            out.set("body", body);
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
