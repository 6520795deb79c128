-- OCTO questions (issue 16, capability octo/questions): what a product asks of its bookers. A question belongs to a
-- product and, optionally, to one of its options (asked once per booking of that option) or one unit (asked once per
-- unit item of that unit); the others are asked once per booking.
CREATE TABLE question (
  id                VARCHAR(64) PRIMARY KEY,
  product_id        VARCHAR(64) NOT NULL,
  option_id         VARCHAR(64),
  unit_id           VARCHAR(64),
  position          INT NOT NULL,
  title             VARCHAR(200) NOT NULL,
  short_description VARCHAR(1000),
  is_required       BOOLEAN NOT NULL,
  input_type        VARCHAR(20) NOT NULL,
  select_options    VARCHAR(8000) NOT NULL
);
CREATE INDEX question_by_product ON question(product_id, position);

-- The answers given with a booking (item_uuid '' for the booking's own questions). They may be personal data: erased
-- with the booking's visitors' documents (identity retention after visit_date, or on request).
CREATE TABLE question_answer (
  booking_uuid VARCHAR(64) NOT NULL,
  item_uuid    VARCHAR(64) NOT NULL,
  question_id  VARCHAR(64) NOT NULL,
  answer_value VARCHAR(1000) NOT NULL,
  visit_date   DATE NOT NULL,
  PRIMARY KEY (booking_uuid, item_uuid, question_id)
);
CREATE INDEX question_answer_by_visit ON question_answer(visit_date);
