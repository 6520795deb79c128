package io.scenicpass.server.messages;

/**
 * What a message to a visitor is about. Transactional kinds (the sign-in code, the booking confirmation) always go;
 * the others respect the visitor's choices. The fields each kind's texts use (bundle {@code shop-messages}):
 * booking kinds {@code ref} (the booking's uuid: the link to the tickets), {@code product}, {@code date}, {@code
 * time}; WAITLIST_OFFER {@code product}, {@code date}, {@code time}, {@code until}, {@code link}; CROWD_WARNING
 * {@code date}, {@code zone}, {@code text}; WEATHER_WARNING and NOTICE {@code date}, {@code title}, {@code text};
 * SIGN_IN_CODE {@code code}.
 */
public enum MessageKind {
    SIGN_IN_CODE(true, false),
    BOOKING_CONFIRMED(true, true),
    REMINDER(false, true),
    BOOKING_CHANGED(false, true),
    BOOKING_REFUNDED(false, true),
    WAITLIST_OFFER(false, false),
    CROWD_WARNING(false, false),
    WEATHER_WARNING(false, false),
    NOTICE(false, false),
    /** A coupon after a visit (offers): fields {@code code}, {@code title}, {@code until}. */
    COUPON(false, false);

    private final boolean transactional;
    private final boolean aboutBooking;

    MessageKind(boolean transactional, boolean aboutBooking) {
        this.transactional = transactional;
        this.aboutBooking = aboutBooking;
    }

    /** Always sent, whatever the visitor chose (they need it to sign in or to visit). */
    public boolean transactional() {
        return transactional;
    }

    /** About one booking: the message links to the tickets ({@code /shop/orders/{ref}}). */
    public boolean aboutBooking() {
        return aboutBooking;
    }

    /** The kind named {@code s}, or null. */
    public static MessageKind parse(String s) {
        for (MessageKind k : values()) {
            if (k.name().equals(s)) {
                return k;
            }
        }
        return null;
    }
}
