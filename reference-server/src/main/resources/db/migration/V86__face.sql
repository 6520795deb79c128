-- Face at the gate (issue #23): one enrolled face template per pass, AES-GCM under the identity key (context
-- face:<pass id>), never a raw photo unless the operator keeps photos (then the photo too, sealed the same way).
-- zones: the pass's zone allowances at enrolment (comma list; empty = every zone): only gates serving one of them
-- receive the template. valid_until: the pass's end; the retention job deletes the row after it plus the period.
CREATE TABLE face_template (
  pass_id      VARCHAR(64) PRIMARY KEY,
  subject_id   VARCHAR(80) NOT NULL,
  template_enc TEXT NOT NULL,
  photo_enc    TEXT,
  zones        VARCHAR(1000) NOT NULL,
  source       VARCHAR(20) NOT NULL,
  enrolled_by  VARCHAR(80),
  enrolled_at  BIGINT NOT NULL,
  valid_until  BIGINT NOT NULL
);
CREATE INDEX face_template_by_end ON face_template(valid_until);

-- The gate decision's face score and the threshold it was held against (null when no face decided).
ALTER TABLE entry_event ADD COLUMN match_score DOUBLE PRECISION;
ALTER TABLE entry_event ADD COLUMN match_threshold DOUBLE PRECISION;

-- A face captured before its pass exists (annual activation at a kiosk, the shop or a gate): the capture's reference
-- goes into the activation call and the template is bound to the pass it signs; unbound captures go after a day.
CREATE TABLE face_capture (
  reference    VARCHAR(40) PRIMARY KEY,
  template_enc TEXT NOT NULL,
  photo_enc    TEXT,
  source       VARCHAR(20) NOT NULL,
  created_at   BIGINT NOT NULL
);
