package io.scenicpass.server.identity;

/**
 * A visitor's document as a channel sent it ({@code unitItems[].identity}), not yet validated. {@link #toString()}
 * never shows the number or the name.
 */
public record IdentityInput(String type, String number, String name, String country) {
    @Override
    public String toString() {
        return "IdentityInput{type=" + type + ", number=***, name=***, country=" + country + "}";
    }
}
