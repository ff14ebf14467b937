-- 0004: the four tables keyed by receipt date are partitioned by year instead of month.
-- A year is about 1.2 million SEDs, so a month's partition held ~100 000 small rows, and every
-- insert wrote one part per month it touched: a nightly batch of a year's data (or a replayed
-- topic) touched 12-34 months, i.e. 12-34 parts of ~40 column files each per table, and the
-- server spent most of its time creating files. Measured on the 100 000-SED nightly benchmark
-- (18.16): ClickHouse's CPU 7.0 s -> 3.5 s, the run's wall clock 10.5 s -> 8.2 s. Deduplication is
-- unchanged: received_at belongs to a document version, so its rows still meet in one partition;
-- the sorting keys are unchanged and month filters still prune by the primary index.
--
-- Each table is rebuilt: a copy with the new key, filled from the old one, swapped in by RENAME,
-- then filled from the old one again before it is dropped: rows another process wrote between the
-- first copy and the rename were left in the old table (a running worker; RENAME waits for inserts
-- in flight, and later ones land in the new table). Every step can be re-run after an interruption
-- (a row copied twice collapses like any replayed row; the leftover copy is dropped at the end).

CREATE TABLE IF NOT EXISTS {db}.sed_documents_0004 AS {db}.sed_documents
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYear(received_at)
ORDER BY (case_id, document_id, version);
INSERT INTO {db}.sed_documents_0004 SELECT * FROM {db}.sed_documents;
RENAME TABLE {db}.sed_documents TO {db}.sed_documents_0003, {db}.sed_documents_0004 TO {db}.sed_documents;
INSERT INTO {db}.sed_documents SELECT * FROM {db}.sed_documents_0003;
DROP TABLE IF EXISTS {db}.sed_documents_0003;
DROP TABLE IF EXISTS {db}.sed_documents_0004;

CREATE TABLE IF NOT EXISTS {db}.match_results_0004 AS {db}.match_results
ENGINE = ReplacingMergeTree(evaluated_at)
PARTITION BY toYear(received_at)
ORDER BY (case_id, document_id, version, target);
INSERT INTO {db}.match_results_0004 SELECT * FROM {db}.match_results;
RENAME TABLE {db}.match_results TO {db}.match_results_0003, {db}.match_results_0004 TO {db}.match_results;
INSERT INTO {db}.match_results SELECT * FROM {db}.match_results_0003;
DROP TABLE IF EXISTS {db}.match_results_0003;
DROP TABLE IF EXISTS {db}.match_results_0004;

CREATE TABLE IF NOT EXISTS {db}.anomalies_0004 AS {db}.anomalies
ENGINE = ReplacingMergeTree(evaluated_at)
PARTITION BY toYear(received_at)
ORDER BY (rule_id, case_id, document_id, version);
INSERT INTO {db}.anomalies_0004 SELECT * FROM {db}.anomalies;
RENAME TABLE {db}.anomalies TO {db}.anomalies_0003, {db}.anomalies_0004 TO {db}.anomalies;
INSERT INTO {db}.anomalies SELECT * FROM {db}.anomalies_0003;
DROP TABLE IF EXISTS {db}.anomalies_0003;
DROP TABLE IF EXISTS {db}.anomalies_0004;

CREATE TABLE IF NOT EXISTS {db}.review_queue_0004 AS {db}.review_queue
ENGINE = ReplacingMergeTree(queued_at)
PARTITION BY toYear(received_at)
ORDER BY (case_id, document_id, version);
INSERT INTO {db}.review_queue_0004 SELECT * FROM {db}.review_queue;
RENAME TABLE {db}.review_queue TO {db}.review_queue_0003, {db}.review_queue_0004 TO {db}.review_queue;
INSERT INTO {db}.review_queue SELECT * FROM {db}.review_queue_0003;
DROP TABLE IF EXISTS {db}.review_queue_0003;
DROP TABLE IF EXISTS {db}.review_queue_0004;
