/**
 * The OCTO v1 wire model, defined once: the client sends and reads these classes and the reference server
 * serialises the same ones. Use {@link io.scenicpass.channel.model.OctoJson#mapper()} for (de)serialisation.
 *
 * <p>Each {@code AbstractX} declares the JSON properties of one OCTO schema (plus ScenicPass extensions such as
 * {@code unitItems[].identity} and {@code octo/pricing}); Immutables generates the public class {@code X} at compile
 * time (see {@code OctoValue}): {@code new Booking().uuid("…")}, {@code getUuid()}, equals/hashCode and a
 * {@code toString} that masks personal data. List getters ({@code getUnitItems()}) never return null; the raw
 * accessor ({@code unitItems()}) is null when the list was never set, which keeps it off the wire. {@code
 * OctoModelDriftTest} compares these properties with the OCTO OpenAPI document of {@code @octocloud/types}.
 *
 * <p>Timestamps are {@link java.time.Instant}s written as {@code YYYY-MM-DDTHH:mm:ssZ}; local dates are
 * {@link java.time.LocalDate}s ({@code YYYY-MM-DD}); slot start/end are {@link java.time.OffsetDateTime}s in
 * the product's time zone, written with their offset. Money is integer minor units ({@code octo/pricing}).
 */
package io.scenicpass.channel.model;
