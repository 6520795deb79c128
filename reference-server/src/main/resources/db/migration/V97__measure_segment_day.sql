-- Dwell by segment per park day (issue #19's measures at scale): the rows of a day and segment, by channel, computed
-- from the facts the first time a period asks for that day, and dropped when the day's facts change (the rollup's
-- refresh) or the segment's expression changes (expression_hash), so a period reads stored rows, not a year of visits.
-- channel_id '-' is the marker row "this day was computed for this expression" (no visits: only the marker).
CREATE TABLE measure_segment_day (
  park_day        DATE NOT NULL,
  segment_code    VARCHAR(64) NOT NULL,
  channel_id      VARCHAR(64) NOT NULL,
  expression_hash VARCHAR(64) NOT NULL,
  dwell_ms        BIGINT NOT NULL DEFAULT 0,
  visits          BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (segment_code, park_day, channel_id)
);
CREATE INDEX measure_segment_day_by_day ON measure_segment_day(park_day);
