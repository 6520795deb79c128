package io.scenicpass.terminal.counter;

/** How a counter sale is paid. */
public enum PaymentMethod {
    /** The kiosk shows a payment QR ({@code codeUrl}) that the visitor scans with a phone. */
    NATIVE,
    /** The kiosk scans the visitor's payment code (the barcode in the visitor's payment app). */
    CODE,
    /** Cash at a staffed box office (a kiosk is refused). */
    CASH
}
