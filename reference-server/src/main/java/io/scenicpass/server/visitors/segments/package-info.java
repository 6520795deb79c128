/**
 * Saved segments: the hub's own small expression language over tags and the 12-month profile (for example
 * {@code tags has family AND visits12m >= 2}), parsed here and compiled to SQL with bound values — a user's text
 * never becomes SQL.
 */
package io.scenicpass.server.visitors.segments;
