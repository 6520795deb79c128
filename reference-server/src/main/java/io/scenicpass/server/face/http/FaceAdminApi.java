package io.scenicpass.server.face.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.face.FaceService;
import io.scenicpass.server.http.RequestBodies;
import java.util.Base64;

/**
 * The operator's face API (admin token; rights as {@code /admin/v1/identity*}): enrol a pass's face ({@code PUT
 * /admin/v1/identity/faces/{passId}}: kiosk, shop or annual activation), see it masked ({@code GET}), delete it
 * ({@code DELETE}); a capture for an activation to come ({@code POST /admin/v1/identity/face-captures} → a
 * reference for the annual pass's activation call); the settings ({@code GET|PUT /admin/v1/identity/face-settings}: retention, keeping photos).
 */
public final class FaceAdminApi {
    /** An enrolment: the vendor template (base64), an optional photo (base64, kept only if the setting says so). */
    public record EnrolBody(String template, String photo, String source) {}

    private final AdminService admin;
    private final FaceService faces;

    public FaceAdminApi(AdminService admin, FaceService faces) {
        this.admin = admin;
        this.faces = faces;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/identity";
        r.put(p + "/faces/{passId}", auth(ctx -> {
            EnrolBody b = RequestBodies.ADMIN.read(ctx, EnrolBody.class);
            if (b == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "a body is required");
            }
            String source = b.source() == null ? "ADMIN" : b.source();
            ctx.json(faces.enrol(
                    passId(ctx),
                    base64("template", RequestBodies.required(b.template(), "template")),
                    b.photo() == null ? null : base64("photo", b.photo()),
                    source,
                    "admin"));
        }));
        r.post(p + "/face-captures", auth(ctx -> {
            EnrolBody b = RequestBodies.ADMIN.read(ctx, EnrolBody.class);
            if (b == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "a body is required");
            }
            ctx.status(201)
                    .json(faces.capture(
                            base64("template", RequestBodies.required(b.template(), "template")),
                            b.photo() == null ? null : base64("photo", b.photo()),
                            b.source() == null ? "ADMIN" : b.source()));
        }));
        r.get(
                p + "/faces/{passId}",
                auth(ctx -> ctx.json(faces.view(passId(ctx))
                        .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no face enrolled for the pass")))));
        r.delete(p + "/faces/{passId}", auth(ctx -> {
            faces.remove(passId(ctx));
            ctx.status(204);
        }));
        r.get(p + "/face-settings", auth(ctx -> ctx.json(faces.settings())));
        r.put(
                p + "/face-settings",
                auth(ctx -> ctx.json(faces.putSettings(RequestBodies.ADMIN.read(ctx, FaceService.Settings.class)))));
    }

    private static String passId(Context ctx) {
        String id = ctx.pathParam("passId");
        if (id.isBlank() || id.length() > 64) {
            throw new ServiceException(Problem.NOT_FOUND, "no such pass");
        }
        return id;
    }

    private static byte[] base64(String field, String v) {
        try {
            return Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be base64");
        }
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
