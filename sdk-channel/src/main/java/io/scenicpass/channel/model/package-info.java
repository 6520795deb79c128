/**
 * The OCTO v1 wire model, defined once: the client sends and reads these classes and the reference server
 * serialises the same ones. Use {@link io.scenicpass.channel.model.OctoJson#mapper()} for (de)serialisation.
 *
 * <p>Timestamps are {@link java.time.Instant}s written as {@code YYYY-MM-DDTHH:mm:ssZ}; local dates are
 * {@link java.time.LocalDate}s ({@code YYYY-MM-DD}); slot start/end are {@link java.time.OffsetDateTime}s in
 * the product's time zone, written with their offset. Money is integer minor units ({@code octo/pricing}).
 */
package io.scenicpass.channel.model;
