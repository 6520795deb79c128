package io.scenicpass.server.web;

/**
 * One browser's session in one realm ({@code shop} or {@code console}). {@code subject} is the signed-in visitor's or
 * operator's id (null: not signed in); {@code csrf} the token every form posts back; {@code pending} a step in
 * progress (the sign-in code being waited for).
 */
public record WebSession(String idHash, String realm, String subject, String csrf, String lang, String pending) {
    public boolean signedIn() {
        return subject != null;
    }
}
