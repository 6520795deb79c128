package io.scenicpass.server.content.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.content.ContentDocument;
import io.scenicpass.server.content.ContentService;
import io.scenicpass.server.http.RequestBodies;
import java.io.IOException;
import java.io.InputStream;

/**
 * The operator's content API (admin token) under {@code /admin/v1/products/{id}/content}: the languages and the
 * audit trail, and per language GET, PUT (replaces) and DELETE. Also the public {@code /media/{file}} the demo's
 * images are served from.
 */
public final class ContentAdminApi {
    private final AdminService admin;
    private final ContentService content;

    public ContentAdminApi(AdminService admin, ContentService content) {
        this.admin = admin;
        this.content = content;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/products/{id}/content";
        r.get(p, auth(ctx -> ctx.json(content.overview(ctx.pathParam("id")))));
        r.get(p + "/{locale}", auth(ctx -> ctx.json(content.get(ctx.pathParam("id"), ctx.pathParam("locale")))));
        r.put(
                p + "/{locale}",
                auth(ctx -> ctx.json(content.put(
                        ctx.pathParam("id"),
                        ctx.pathParam("locale"),
                        RequestBodies.ADMIN.read(ctx, ContentDocument.class)))));
        r.delete(p + "/{locale}", auth(ctx -> {
            content.delete(ctx.pathParam("id"), ctx.pathParam("locale"), ctx.queryParam("by"));
            ctx.status(204);
        }));
        r.get("/media/{file}", MediaFiles::serve);
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }

    /** Images shipped with the server (classpath {@code /media/}): the demo's covers; PNG and JPEG only. */
    static final class MediaFiles {
        private MediaFiles() {}

        static void serve(Context ctx) throws IOException {
            String file = ctx.pathParam("file");
            String type = file.endsWith(".png") ? "image/png" : file.endsWith(".jpg") ? "image/jpeg" : null;
            if (type == null || !file.matches("[a-z0-9-]{1,64}\\.(png|jpg)")) {
                throw new ServiceException(Problem.NOT_FOUND, "no such media file", null);
            }
            try (InputStream in = MediaFiles.class.getResourceAsStream("/media/" + file)) {
                if (in == null) {
                    throw new ServiceException(Problem.NOT_FOUND, "no such media file", file);
                }
                ctx.contentType(type)
                        .header("Cache-Control", "public, max-age=86400")
                        .result(in.readAllBytes());
            }
        }
    }
}
