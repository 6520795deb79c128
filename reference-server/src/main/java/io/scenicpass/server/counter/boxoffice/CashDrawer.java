package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.counter.store.SaleStore.SaleRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.time.Clock;
import java.util.List;

/**
 * Cash into the drawer of the device's open shift: a sale names its shift when it is made (checked here), and a cash
 * payment claims the sale with the shift row locked, so a close either counts the sale or comes before it (then the
 * payment is refused: the shift is closed).
 */
final class CashDrawer implements CounterSales.CashDrawer {
    private final Database db;
    private final Shifts shifts;
    private final SaleStore sales;
    private final Clock clock;

    CashDrawer(Database db, Shifts shifts, SaleStore sales, Clock clock) {
        this.db = db;
        this.shifts = shifts;
        this.sales = sales;
        this.clock = clock;
    }

    @Override
    public void shift(DeviceRow d, String shiftId) {
        if (!shifts.own(d.id(), shiftId).state().equals(ShiftStore.OPEN)) {
            throw new ServiceException(Problem.CONFLICT, "shift " + shiftId + " is closed", shiftId);
        }
    }

    @Override
    public void claim(DeviceRow d, SaleRow row) {
        if (row.shiftId() == null) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "CASH needs an open shift: make the sale with the shiftId of this device's open shift",
                    row.saleId());
        }
        db.tx(c -> {
            shifts.lockOpen(c, d.id(), row.shiftId());
            return sales.claim(
                    c,
                    row.saleId(),
                    List.of(SaleState.AWAITING_PAYMENT, SaleState.DECLINED),
                    null,
                    CashUp.CASH,
                    clock.instant());
        });
    }
}
