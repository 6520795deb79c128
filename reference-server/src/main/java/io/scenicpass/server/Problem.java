package io.scenicpass.server;

/** Stable error codes of the services; each API maps them to its own status and body in one place. */
public enum Problem {
  INVALID_PRODUCT_ID,
  INVALID_OPTION_ID,
  INVALID_UNIT_ID,
  INVALID_AVAILABILITY_ID,
  INVALID_BOOKING_UUID,
  /** Malformed or inconsistent input. */
  BAD_REQUEST,
  /** Well-formed but not possible now (sold out, after the cutoff, no unit items…). */
  UNPROCESSABLE_ENTITY,
  UNAUTHORIZED,
  FORBIDDEN,
  NOT_FOUND,
  /** A state conflict (uuid reused with a different body, capacity below sold…). */
  CONFLICT,
  TOO_MANY_REQUESTS,
  PAYLOAD_TOO_LARGE,
  /** A method-override header or {@code _method} parameter: the request line's method is the only method. */
  METHOD_OVERRIDE_REFUSED,
  /** Overloaded (no database connection came free in time): 503 with Retry-After, retry later. */
  SERVICE_UNAVAILABLE
}
