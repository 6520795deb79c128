package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;

/**
 * The operator's setting {@code shop.waitlist.acceptMinutes}: how long an offered party has to pay (its hold's
 * expiry), 30 minutes unless set; 5 minutes up to the longest hold the server allows ({@code hold.maxMinutes}).
 */
public final class WaitlistSettings {
    static final String ACCEPT_MINUTES = "shop.waitlist.acceptMinutes";
    public static final int DEFAULT_ACCEPT_MINUTES = 30;
    public static final int MIN_ACCEPT_MINUTES = 5;

    private final Database db;
    private final SettingStore settings;
    private final int maxMinutes;

    public WaitlistSettings(Database db, SettingStore settings, int holdMaxMinutes) {
        this.db = db;
        this.settings = settings;
        this.maxMinutes = holdMaxMinutes;
    }

    /** The accept window in minutes now in effect. */
    public int acceptMinutes() {
        return db.read(c -> settings.get(c, ACCEPT_MINUTES)
                .map(Integer::parseInt)
                .orElse(Math.min(DEFAULT_ACCEPT_MINUTES, maxMinutes)));
    }

    /** Sets the accept window (for offers made from now on); BAD_REQUEST outside 5..hold.maxMinutes. */
    public void setAcceptMinutes(int minutes) {
        if (minutes < MIN_ACCEPT_MINUTES || minutes > maxMinutes) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "acceptMinutes must be " + MIN_ACCEPT_MINUTES + ".." + maxMinutes);
        }
        db.tx(c -> {
            settings.put(c, ACCEPT_MINUTES, Integer.toString(minutes));
            return null;
        });
    }
}
