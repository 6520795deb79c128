-- Issue 14 (pass size): the small integers server-issued passes carry instead of text ids, one sequence per
-- kind (ISSUER, PRODUCT, ZONE, CHANNEL) from 0. A code, once given, stands for its id for ever: passes signed
-- with it stay readable, so rows are never updated or deleted.
CREATE TABLE pass_code (
  kind  VARCHAR(16) NOT NULL,
  id    VARCHAR(256) NOT NULL,
  code  INTEGER NOT NULL,
  PRIMARY KEY (kind, id),
  CONSTRAINT pass_code_by_code UNIQUE (kind, code)
);
