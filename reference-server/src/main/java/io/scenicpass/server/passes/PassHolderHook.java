package io.scenicpass.server.passes;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the face module (issue #23) learns of annual passes, inside the change's transaction (throwing rolls the
 * change back). {@link #NONE} until one is set ({@link AnnualPasses#hook}).
 */
public interface PassHolderHook {
    PassHolderHook NONE = new PassHolderHook() {};

    /** The pass was activated for its holder with {@code enrolment} (the face template or photo reference). */
    default void onActivated(Connection c, AnnualPass pass, Enrolment enrolment) throws SQLException {}

    /** A new signed pass ({@code pass.passId()}) stands for the annual pass instead of {@code oldPassId} (renewal). */
    default void onReissued(Connection c, AnnualPass pass, String oldPassId) throws SQLException {}

    /** The pass ended before its time (refunded): what is bound to it goes, after the retention period. */
    default void onEnded(Connection c, AnnualPass pass) throws SQLException {}

    /**
     * Where and with what the holder enrolled at activation.
     *
     * @param source GATE, KIOSK, SHOP or ADMIN (as the face module names them)
     * @param reference the face module's reference to the template or kept photo (opaque here, 1..200 characters)
     */
    record Enrolment(String source, String reference) {}
}
