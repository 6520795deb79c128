package io.scenicpass.server.content;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.content.http.ContentAdminApi;
import io.scenicpass.server.content.http.OctoContent;
import io.scenicpass.server.content.store.ContentStore;
import io.scenicpass.server.sales.CatalogueService;
import java.util.function.Supplier;

/** OCTO content: the content per product, option and unit and language; its admin API; its part of OCTO answers. */
public final class ContentModule {
    public final ContentService content;
    /** Adds content to the OCTO answers of a request with {@code octo/content}. */
    public final OctoContent octo;

    /** {@code publicUrl}: the server's address as resellers reach it (media paths resolve against it). */
    public ContentModule(Platform p, CatalogueService catalogue, Supplier<String> publicUrl) {
        content = new ContentService(p.db(), new ContentStore(), catalogue, p.clock());
        octo = new OctoContent(content, publicUrl);
    }

    /** The admin API (it needs the admin token check, built after this module). */
    public ContentAdminApi api(AdminService admin) {
        return new ContentAdminApi(admin, content);
    }
}
