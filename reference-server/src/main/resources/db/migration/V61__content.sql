-- OCTO content (issue 16, capability octo/content): customer-facing texts, media and FAQs per product, option and
-- unit, one row per owner and language (BCP 47 tag, e.g. zh-CN, en). `body` is the validated JSON of the OCTO
-- content fields (ContentService checks it); all rows of one product and language are replaced together.
CREATE TABLE catalogue_content (
  product_id VARCHAR(64) NOT NULL,
  locale     VARCHAR(35) NOT NULL,
  owner_kind VARCHAR(8) NOT NULL,
  owner_id   VARCHAR(64) NOT NULL,
  body       VARCHAR(200000) NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (product_id, locale, owner_kind, owner_id)
);

-- The language a product's content falls back to when a reseller asks for none of its languages.
CREATE TABLE content_default_locale (
  product_id VARCHAR(64) PRIMARY KEY,
  locale     VARCHAR(35) NOT NULL
);

-- Who set or removed which content when (the operator's name given with the change; never deleted).
CREATE TABLE content_audit (
  product_id VARCHAR(64) NOT NULL,
  locale     VARCHAR(35) NOT NULL,
  action     VARCHAR(8) NOT NULL,
  changed_by VARCHAR(200),
  changed_at BIGINT NOT NULL
);
CREATE INDEX content_audit_by_product ON content_audit(product_id, changed_at);
