package io.scenicpass.cli.kioskui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import io.scenicpass.cli.kioskui.KioskBackend.PickUpView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pick-up (取票) screens: home → pick-up (swipe the ID card, read the passport, or type the booking code) → the
 * bookings found, each printable or refused in the visitor's words with its code → print → done. The server decides
 * what is printable; a booking prints once (a second time is ALREADY_PRINTED).
 */
final class PickUpScreens {
    private final KioskBackend backend;
    private final KioskScreens screens;

    PickUpScreens(KioskBackend backend, KioskScreens screens) {
        this.backend = backend;
        this.screens = screens;
    }

    void register(RoutesConfig r) {
        r.get("/pickup", ctx -> ask(ctx, ""));
        r.post("/pickup", this::find);
        r.post("/pickup/print", this::print);
        r.get("/pickup/done", this::done);
    }

    private void ask(Context ctx, String problem) {
        screens.render(ctx, "pickup", Map.of("problem", problem));
    }

    /** action read:ID_CARD / read:MRZ takes the document off its reader; action code looks the typed code up. */
    private void find(Context ctx) {
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("code");
        List<PickUpView> found;
        String code = "";
        if (action.startsWith("read:")) {
            DocumentReader reader = reader(action.substring(5));
            Optional<Identity> document = backend.readDocument(reader);
            if (document.isEmpty()) {
                ask(ctx, "NO_DOCUMENT");
                return;
            }
            found = backend.pickUps(document.get());
        } else {
            code = Optional.ofNullable(ctx.formParam("bookingCode")).orElse("").strip();
            if (code.isEmpty()) {
                ask(ctx, "BOOKING_CODE_MISSING");
                return;
            }
            found = backend.pickUps(code);
        }
        if (found.isEmpty()) {
            ask(ctx, "BOOKING_NOT_FOUND");
            return;
        }
        screens.render(ctx, "pickups", Map.of("bookings", found, "typed", code));
    }

    private void print(Context ctx) {
        String code = KioskScreens.required(ctx, "bookingCode");
        String id = KioskScreens.required(ctx, "bookingId");
        backend.printPickUp(code, id);
        ctx.redirect("/pickup/done?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&id="
                + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private void done(Context ctx) {
        String code = Optional.ofNullable(ctx.queryParam("code")).orElse("");
        String id = Optional.ofNullable(ctx.queryParam("id")).orElse("");
        PickUpView booking = code.isBlank()
                ? null
                : backend.pickUps(code).stream()
                        .filter(b -> b.bookingId().equals(id))
                        .findFirst()
                        .orElse(null);
        if (booking == null) {
            throw new KioskError("BOOKING_NOT_FOUND", "no booking " + id);
        }
        screens.render(ctx, "pickup-done", Map.of("booking", booking));
    }

    private static DocumentReader reader(String name) {
        try {
            return DocumentReader.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new KioskError("BAD_FORM", "no reader " + name);
        }
    }
}
