package io.scenicpass.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Signs a {@link PageClient} in to the operators' console (an account without a second factor). */
public final class ConsoleSignIn {
    private ConsoleSignIn() {}

    /** The first administrator's generated password ({@code <data>/console-admin-password}). */
    public static String adminPassword(TestServer ts) {
        try {
            return Files.readString(ts.dataDir.resolve("console-admin-password"))
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client in English signed in as {@code login}. */
    public static PageClient as(TestServer ts, String login, String password) {
        return as(ts, login, password, "en");
    }

    /** A client in {@code language} (an Accept-Language value) signed in as {@code login}. */
    public static PageClient as(TestServer ts, String login, String password, String language) {
        PageClient c = new PageClient(ts.server.baseUrl()).language(language);
        c.get("/console/sign-in");
        PageClient.Page in =
                c.post("/console/sign-in", Map.of("login", login, "password", password, "next", "/console"));
        if (in.status() != 303) {
            throw new AssertionError("not signed in: " + in.status() + " " + in.errorCode());
        }
        return c;
    }
}
