package io.scenicpass.terminal.device.biometric;

/**
 * Vendor SPI for the server side of face enrolment: turns a photo the holder uploaded (the shop's annual pass
 * activation) into a template of the gates' {@link BiometricMatcher}, so a vendor's server SDK and its lane module
 * agree on the template. Found with {@link java.util.ServiceLoader} ({@code META-INF/services}) and picked by
 * {@link #name()} in the server's configuration. Implementations must be thread-safe and never keep the photo.
 */
public interface PhotoTemplates {
    /** The name the operator configures (e.g. {@code opencv}); lower case, no spaces. */
    String name();

    /**
     * The face template of one photo (JPEG or PNG bytes, already checked for size and dimensions by the caller).
     *
     * @throws PhotoRefusedException with the reason when the photo gives no usable template
     */
    BiometricTemplate fromPhoto(byte[] image);
}
