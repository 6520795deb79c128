package io.scenicpass.server.packages;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.packages.http.PackagesAdminApi;
import io.scenicpass.server.packages.http.PartnerApi;
import io.scenicpass.server.packages.http.VoucherText;
import io.scenicpass.server.packages.store.PackageStore;
import io.scenicpass.server.reports.Reports;
import io.scenicpass.server.sales.SalesModule;
import java.security.SecureRandom;

/**
 * Packages wired in one place: partners and allotments, package products, the parts taken with their bookings (set on
 * sales), the partner section of the settlement (set on reports), and the admin, partner and voucher routes.
 */
public final class PackagesModule {
    public final Partners partners;
    public final Packages packages;
    private final AdminService admin;

    public PackagesModule(Platform p, SalesModule sales, Reports reports, AdminService admin) {
        this.admin = admin;
        PackageStore store = new PackageStore();
        partners = new Partners(p.db(), store, p.clock(), new SecureRandom());
        packages = new Packages(p.db(), store, sales.catalogue);
        sales.parts(
                new PackageParts(store, FlowConfig.of(p.config().flow).zone(), new SecureRandom(), packages::products));
        reports.partnerLines(packages::settlement);
    }

    /** Every route of packages: admin ({@code /admin/v1/partners|packages}), partner ({@code /partner/v1}), vouchers. */
    public void register(io.javalin.config.RoutesConfig r) {
        new PackagesAdminApi(admin, partners, packages).register(r);
        new PartnerApi(partners).register(r);
        new VoucherText(packages).register(r);
    }
}
