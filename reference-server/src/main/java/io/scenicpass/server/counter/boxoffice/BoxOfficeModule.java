package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.counter.CounterModule;
import io.scenicpass.server.counter.boxoffice.http.BoxOfficeApi;
import io.scenicpass.server.counter.boxoffice.store.CashierStore;
import io.scenicpass.server.counter.boxoffice.store.RefundStore;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.PassCancellation;

/**
 * The staffed box office: cashiers, shifts with their cash-up, the cash drawer of the counter's cash sales, refunds at
 * the counter and by operators (cash refunds due, paid out at a box office); its API.
 */
public final class BoxOfficeModule {
    public final Cashiers cashiers;
    public final Shifts shifts;
    public final CounterRefunds refunds;
    public final CashRefundsDue due;
    public final BoxOfficeApi api;

    public BoxOfficeModule(
            Platform p, CounterModule counter, PassCancellation passes, PaymentService payments, AdminService admin) {
        cashiers = new Cashiers(p.db(), new CashierStore(), p.clock(), p.random());
        RefundStore refundStore = new RefundStore();
        shifts = new Shifts(p.db(), new ShiftStore(), refundStore, cashiers, p.clock(), p.ids(), p.json());
        SaleStore sales = new SaleStore();
        counter.sales.cashDrawer(new CashDrawer(p.db(), shifts, sales, p.clock()));
        counter.report.refundsFrom(refundStore::totals);
        counter.report.dueFrom(refundStore::dueTotal);
        refunds = new CounterRefunds(
                p.db(),
                sales,
                refundStore,
                shifts,
                cashiers,
                passes,
                counter.channel,
                counter.sales,
                payments,
                p.ids(),
                p.clock());
        due = new CashRefundsDue(p.db(), refundStore, sales, shifts, p.clock());
        api = new BoxOfficeApi(counter.auth, admin, cashiers, shifts, refunds, due);
    }
}
