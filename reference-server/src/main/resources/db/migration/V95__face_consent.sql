-- The shop's annual pass activation (issue #23): the holder's consent to face use, recorded before the face is bound
-- (reference: the face capture it was given for). The statement is the text the visitor ticked, in their language.
CREATE TABLE face_consent (
  reference       VARCHAR(40) PRIMARY KEY,
  annual_id       VARCHAR(40) NOT NULL,
  shop_visitor_id BIGINT NOT NULL,
  lang            VARCHAR(8) NOT NULL,
  statement       VARCHAR(1000) NOT NULL,
  consented_at    BIGINT NOT NULL
);
CREATE INDEX face_consent_by_pass ON face_consent(annual_id);

-- "My tickets" lists the annual passes of an order.
CREATE INDEX annual_pass_by_booking ON annual_pass(booking_uuid);
