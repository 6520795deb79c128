package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * How the OCTO model is generated (Immutables, at compile time only): {@code AbstractBooking} declares the JSON
 * properties, the processor writes the public mutable class {@code Booking} with {@code new Booking()}, fluent
 * setters ({@code booking.uuid("…")}), {@code getUuid()}/{@code isTestMode()}, {@code equals}, {@code hashCode} and
 * a {@code toString} that masks personal data. No check on build: OCTO leaves most fields optional. Jackson reads
 * and writes only the annotated properties; unknown ones are ignored, nulls left out (except
 * {@code @JsonInclude(ALWAYS)}: fields OCTO requires present).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@Value.Style(
        typeAbstract = "Abstract*",
        typeModifiable = "*",
        create = "new",
        set = "*",
        get = {"get*", "is*"},
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        validationMethod = Value.Style.ValidationMethod.NONE,
        redactedMask = "<redacted>",
        jdkOnly = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.NONE,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
@interface OctoValue {}
