package io.scenicpass.channel.internal;

import com.fasterxml.jackson.databind.JavaType;
import io.scenicpass.channel.model.OctoErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One OCTO operation to perform: method, path, query, body and the type of the answer. */
public final class OctoCall {
    final String operation;
    final String method;
    final List<String> pathSegments = new ArrayList<>();
    final Map<String, String> query = new LinkedHashMap<>();
    Object body;
    final JavaType responseType;
    String bookingUuid;
    OctoErrorCode notFoundCode = OctoErrorCode.BAD_REQUEST;

    private OctoCall(String operation, String method, JavaType responseType) {
        this.operation = operation;
        this.method = method;
        this.responseType = responseType;
    }

    /**
     * @param operation a short name for logs ({@code reserve}, {@code confirm}...)
     * @param method the HTTP method
     * @param responseType the type of the answer
     * @param segments the path below the base URL, one unescaped segment each
     * @return the call
     */
    public static OctoCall of(String operation, String method, JavaType responseType, String... segments) {
        OctoCall c = new OctoCall(operation, method, responseType);
        Collections.addAll(c.pathSegments, segments);
        return c;
    }

    /**
     * @param value the JSON body (a model object)
     * @return this
     */
    public OctoCall body(Object value) {
        this.body = value;
        return this;
    }

    /**
     * @param name the query parameter
     * @param value its value; ignored when null
     * @return this
     */
    public OctoCall query(String name, Object value) {
        if (value != null) {
            query.put(name, value.toString());
        }
        return this;
    }

    /**
     * @param uuid the booking uuid this call is about
     * @return this
     */
    public OctoCall bookingUuid(String uuid) {
        this.bookingUuid = uuid;
        return this;
    }

    /**
     * @param code the error code to report for a 404 without an OCTO body
     * @return this
     */
    public OctoCall notFound(OctoErrorCode code) {
        this.notFoundCode = code;
        return this;
    }

    /** @return the path for logs, e.g. {@code POST /bookings/{uuid}/confirm} */
    String describe() {
        return method + " /" + String.join("/", pathSegments);
    }
}
