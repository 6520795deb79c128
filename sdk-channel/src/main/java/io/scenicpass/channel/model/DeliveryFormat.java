// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Format of a ticket's delivery value. */
public enum DeliveryFormat {
    /** Text to encode as a QR code (our signed pass). */
    QRCODE,
    /** Barcode text. */
    CODE128,
    /** URL of a PDF. */
    PDF_URL,
    /** URL of an Apple Wallet pass. */
    PKPASS_URL,
    /** Text to encode as an Aztec code. */
    AZTECCODE,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
