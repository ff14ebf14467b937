-- A document can be evaluated again: a later run with new reference data, or the stream worker when
-- an A1 or declaration arrives after the SED. Rows are replaced per rule, so an anomaly that no longer
-- fires would linger; every evaluation therefore carries a stamp (UTC ticks, increasing within a
-- writer), and the *_current views keep only what the latest evaluation of each document version said.
ALTER TABLE {db}.sed_documents ADD COLUMN evaluation UInt64 DEFAULT 0;
ALTER TABLE {db}.anomalies ADD COLUMN evaluation UInt64 DEFAULT 0;
ALTER TABLE {db}.review_queue ADD COLUMN evaluation UInt64 DEFAULT 0;

CREATE VIEW IF NOT EXISTS {db}.latest_evaluation AS
SELECT case_id, document_id, version, max(evaluation) AS evaluation
FROM {db}.sed_documents
GROUP BY case_id, document_id, version;

-- Anomalies of the latest evaluation of each document version (what analysts should count).
CREATE VIEW IF NOT EXISTS {db}.anomalies_current AS
SELECT rule_id, severity, case_id, document_id, version, sed_type, sender_country, legislation_state, reasons,
       follow_up, person_key, received_at, run_id, evaluated_at, evaluation
FROM {db}.anomalies FINAL
ANY INNER JOIN {db}.latest_evaluation USING (case_id, document_id, version, evaluation);

-- The review queue as the latest evaluations have it: a SED cleared by a re-evaluation leaves it.
CREATE VIEW IF NOT EXISTS {db}.review_current AS
SELECT case_id, document_id, version, sed_type, sender_country, person_key, rule_ids, reasons, received_at,
       run_id, queued_at, evaluation
FROM {db}.review_queue FINAL
ANY INNER JOIN {db}.latest_evaluation USING (case_id, document_id, version, evaluation);
