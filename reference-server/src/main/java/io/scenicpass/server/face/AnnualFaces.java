package io.scenicpass.server.face;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.PassHolderHook;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Annual passes' faces, inside their changes' transactions: activation binds the face captured for it (an {@code
 * fcap_} reference from {@code POST /admin/v1/identity/face-captures}) to the pass it signs; renewal moves it to the
 * new pass; a refund starts the retention period. A reference of another kind (a vendor's own) enrols nothing here.
 */
final class AnnualFaces implements PassHolderHook {
    private final FaceService faces;

    AnnualFaces(FaceService faces) {
        this.faces = faces;
    }

    @Override
    public void onActivated(Connection c, AnnualPass pass, Enrolment enrolment) throws SQLException {
        if (enrolment == null
                || enrolment.reference() == null
                || !enrolment.reference().startsWith("fcap_")) {
            return;
        }
        if (!faces.bindCapture(c, enrolment.reference(), pass.passId())) {
            // the activation is rolled back: a pass activated "with a photo" must have one
            throw new ServiceException(
                    Problem.BAD_REQUEST, "unknown, used or expired face capture reference", enrolment.reference());
        }
    }

    @Override
    public void onReissued(Connection c, AnnualPass pass, String oldPassId) throws SQLException {
        faces.rebind(c, oldPassId, pass.passId());
    }

    @Override
    public void onEnded(Connection c, AnnualPass pass) throws SQLException {
        faces.ended(c, pass.passId());
    }
}
