package io.scenicpass.server.packages.http;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.packages.Packages;
import io.scenicpass.server.packages.Partners;

/**
 * A partner's voucher as text ({@code GET /package-vouchers/{code}}, no credential: the 100-bit code is the secret),
 * for the visitor to show or print; the partner checks it with {@code GET /partner/v1/vouchers/{code}}.
 */
public final class VoucherText {
    private final Packages packages;

    public VoucherText(Packages packages) {
        this.packages = packages;
    }

    public void register(RoutesConfig r) {
        r.get("/package-vouchers/{code}", ctx -> {
            Partners.Voucher v = packages.voucher(ctx.pathParam("code"));
            ctx.contentType("text/plain; charset=utf-8")
                    .result("ScenicPass 套票凭证 / package voucher\n"
                            + "凭证号 / code: " + v.code() + "\n"
                            + "合作方 / partner: " + v.partnerId() + "\n"
                            + "项目 / item: " + v.resourceName() + " (" + v.resourceId() + ")\n"
                            + "日期 / day: " + v.day() + "\n"
                            + "人数 / places: " + v.places() + "\n"
                            + "状态 / state: " + v.state() + "\n");
        });
    }
}
