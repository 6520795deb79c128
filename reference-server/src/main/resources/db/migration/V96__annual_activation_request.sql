-- Annual passes activated by a device (issue #23, kiosk and gate): one row per activation request, so that a device
-- retrying the same request id gets the same answer instead of ALREADY_ACTIVE. The fingerprint is a keyed digest of
-- the request (pass, holder, face): the same id with another body is refused (409 CONFLICT). capture_ref is the face
-- capture of the request's last attempt: the pass's enrolment reference equals it once this request activated it.
CREATE TABLE annual_activation_request (
  device_id    VARCHAR(64) NOT NULL,
  request_id   VARCHAR(64) NOT NULL,
  fingerprint  VARCHAR(128) NOT NULL,
  annual_id    VARCHAR(64) NOT NULL,
  capture_ref  VARCHAR(64) NOT NULL,
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (device_id, request_id)
);
CREATE INDEX annual_activation_request_by_pass ON annual_activation_request(annual_id);
