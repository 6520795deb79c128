package io.scenicpass.server.identity;

/**
 * A visitor's document as the APIs show it again: the type, the number and name masked ({@code 3301**********1234},
 * {@code 张*}), the issuing country. The OCTO extension {@code unitItems[].identity} of a booking answer.
 */
public record MaskedIdentity(String type, String number, String name, String country) {}
