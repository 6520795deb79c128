package io.scenicpass.cli.kioskui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.cli.kioskui.KioskBackend.Activation;
import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Annual pass activation (年卡激活) screens: home → scan the pass → swipe the ID card (or the passport) → look at the
 * camera → done (validity and the new pass's QR). What was scanned and read stays here, under the activation's request
 * id (never in the page); a refusal is the error screen with the server's code in the visitor's words.
 */
final class ActivationScreens {
    /** Activations kept at once (visitors who walked away mid-way are forgotten oldest first). */
    static final int KEPT = 64;

    /** One visitor's activation so far: the pass scanned, the document read, the answer. */
    private record Pending(String passText, Identity holder, Activation done) {}

    private final KioskBackend backend;
    private final KioskScreens screens;
    private final Map<String, Pending> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> e) {
            return size() > KEPT;
        }
    };

    ActivationScreens(KioskBackend backend, KioskScreens screens) {
        this.backend = backend;
        this.screens = screens;
    }

    void register(RoutesConfig r) {
        r.get("/activate", ctx -> screens.render(ctx, "activate", Map.of("problem", "")));
        r.post("/activate", this::scan);
        r.get("/activate/{id}/document", ctx -> document(ctx, ""));
        r.post("/activate/{id}/document", this::read);
        r.get("/activate/{id}/face", ctx -> screens.render(ctx, "activate-face", Map.of("requestId", id(ctx))));
        r.post("/activate/{id}/face", this::activate);
        r.get("/activate/{id}/done", this::done);
    }

    private void scan(Context ctx) {
        Optional<String> pass = backend.scanPass();
        if (pass.isEmpty()) {
            screens.render(ctx, "activate", Map.of("problem", "NO_PASS"));
            return;
        }
        String id = UUID.randomUUID().toString();
        put(id, new Pending(pass.get(), null, null));
        ctx.redirect("/activate/" + id + "/document");
    }

    private void document(Context ctx, String problem) {
        screens.render(ctx, "activate-document", Map.of("requestId", id(ctx), "problem", problem));
    }

    /** action read:ID_CARD / read:MRZ takes the document off its reader. */
    private void read(Context ctx) {
        String id = id(ctx);
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
        DocumentReader reader;
        try {
            reader = DocumentReader.valueOf(action.startsWith("read:") ? action.substring(5) : action);
        } catch (IllegalArgumentException e) {
            throw new KioskError("BAD_FORM", "no reader " + action);
        }
        Optional<Identity> doc = backend.readDocument(reader);
        if (doc.isEmpty()) {
            document(ctx, "NO_DOCUMENT");
            return;
        }
        put(id, new Pending(get(id).passText(), doc.get(), null));
        ctx.redirect("/activate/" + id + "/face");
    }

    /** The camera's face and the activation; a second tap (no answer the first time) is the same request. */
    private void activate(Context ctx) {
        String id = id(ctx);
        Pending p = get(id);
        if (p.holder() == null) {
            throw new KioskError("BAD_FORM", "no document read for this activation");
        }
        if (p.done() == null) {
            Activation a = backend.activateAnnualPass(id, p.passText(), p.holder());
            put(id, new Pending(p.passText(), p.holder(), a));
        }
        ctx.redirect("/activate/" + id + "/done");
    }

    private void done(Context ctx) {
        Activation a = get(id(ctx)).done();
        if (a == null) {
            throw new KioskError("BAD_FORM", "this activation is not done");
        }
        LocalDate from = LocalDate.ofInstant(a.validFrom(), backend.zone());
        LocalDate last = LocalDate.ofInstant(a.validUntil().minusSeconds(1), backend.zone()); // until is exclusive
        screens.render(
                ctx,
                "activate-done",
                Map.of("activation", a, "from", from, "last", last, "qr", QrSvg.svg(a.passText())));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 64) {
            throw new KioskError("BAD_FORM", "no such activation");
        }
        return id;
    }

    private Pending get(String id) {
        Pending p;
        synchronized (pending) {
            p = pending.get(id);
        }
        if (p == null) {
            throw new KioskError("BAD_FORM", "no activation " + id + " (start again)");
        }
        return p;
    }

    private void put(String id, Pending p) {
        synchronized (pending) {
            pending.put(id, p);
        }
    }
}
