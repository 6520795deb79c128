package io.scenicpass.server.messages;

/** How a message reaches a visitor: by email to an email address, by SMS to a mobile number. */
public enum Way {
    EMAIL,
    SMS;

    /** The way of an address: SMS for a mainland mobile number (digits, optional +86), else email. */
    public static Way of(String address) {
        return address.indexOf('@') >= 0 ? EMAIL : SMS;
    }
}
