package io.scenicpass.server.console.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.terminal.DeviceRole;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.EntryService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import io.scenicpass.server.web.Pages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code /console/devices}: gates, kiosks and box offices with their state, last contact and latest telemetry (VIEW);
 * enrolling one shows its one-time enrollment code as a QR on screen for the device to scan (what {@code scenicpass
 * gate enroll} reads), and revoking one (DEVICES_WRITE, both audited without the token).
 */
public final class DevicesPage {
    /** How long the code on screen stays valid. */
    static final Duration ENROLL_TTL = Duration.ofHours(1);

    public record DeviceView(
            String id,
            String name,
            String role,
            String gateId,
            boolean revoked,
            String lastSeen,
            List<String> telemetry) {}

    /** The QR just made: the code it holds (for typing), its PNG as a data URI, until when it is valid. */
    public record Enrollment(String gateId, String role, String code, String qrDataUri, String expiresAt) {}

    public record Model(
            List<DeviceView> devices, List<String> gates, Enrollment enrollment, String errorCode, String error) {}

    private final ConsolePages pages;
    private final DeviceService devices;
    private final EntryService entries;
    private final AdminService admin;

    DevicesPage(ConsolePages pages, DeviceService devices, EntryService entries, AdminService admin) {
        this.pages = pages;
        this.devices = devices;
        this.entries = entries;
        this.admin = admin;
    }

    void register(RoutesConfig r) {
        r.get("/console/devices", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, null, null, null);
        });
        r.post("/console/devices/enroll", this::enroll);
        r.post("/console/devices/revoke", this::revoke);
    }

    private void enroll(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.DEVICES_WRITE);
        String gateId = ctx.formParam("gateId");
        try {
            DeviceRole role = DeviceRole.parse(blankToNull(ctx.formParam("role")));
            DeviceService.NewToken t = devices.createToken(
                    gateId, blankToNull(ctx.formParam("label")), ENROLL_TTL, ctx.scheme() + "://" + ctx.host(), role);
            pages.audited(p, "console: enrollment QR", "gateId=" + gateId, "role=" + role);
            String qr = "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(IssuanceService.qrPng(t.enrollmentCode(), 320));
            render(
                    ctx,
                    200,
                    new Enrollment(
                            gateId,
                            role.name(),
                            t.enrollmentCode(),
                            qr,
                            t.expiresAt().toString()),
                    null,
                    null);
        } catch (ServiceException e) {
            render(
                    ctx,
                    e.problem() == io.scenicpass.server.Problem.NOT_FOUND ? 404 : 400,
                    null,
                    e.problem().name(),
                    e.getMessage());
        }
    }

    private void revoke(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.DEVICES_WRITE);
        String id = ctx.formParam("deviceId");
        try {
            devices.revoke(id);
            pages.audited(p, "console: revoke device", "deviceId=" + id, null);
            ctx.redirect("/console/devices", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            render(
                    ctx,
                    e.problem() == io.scenicpass.server.Problem.NOT_FOUND ? 404 : 400,
                    null,
                    e.problem().name(),
                    e.getMessage());
        }
    }

    private void render(Context ctx, int status, Enrollment enrollment, String code, String error) {
        List<DeviceView> views = new ArrayList<>();
        for (DeviceRow d : devices.list()) {
            List<String> telemetry = new ArrayList<>();
            entries.latestTelemetry(d.id())
                    .forEach(t ->
                            telemetry.add(t.sensor() + " " + t.value() + (t.unit() == null ? "" : " " + t.unit())));
            views.add(new DeviceView(
                    d.id(),
                    d.name(),
                    d.role().name(),
                    d.gateId(),
                    d.revoked(),
                    d.lastSeenAt() == null ? "" : d.lastSeenAt().toString(),
                    telemetry));
        }
        List<String> gates = admin.gates().stream().map(g -> g.id()).toList();
        Pages.render(
                ctx,
                status,
                "console/pages/devices.jte",
                pages.frame(ctx, "devices.title", PagesModule.TEXTS),
                new Model(views, gates, enrollment, code, error));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
