-- The *_current views (0003, 0005) kept the latest evaluation of every version of a document, so a
-- superseded version stayed in the review queue and its anomalies were counted next to its
-- successor's. They now keep only the latest evaluation of each document's latest version.
CREATE VIEW IF NOT EXISTS {db}.current_evaluation AS
SELECT case_id, document_id, version, evaluation
FROM {db}.latest_evaluation
ALL INNER JOIN
(
    SELECT case_id, document_id, max(version) AS version
    FROM {db}.sed_documents
    GROUP BY case_id, document_id
) USING (case_id, document_id, version);

DROP TABLE IF EXISTS {db}.anomalies_current;
CREATE VIEW IF NOT EXISTS {db}.anomalies_current AS
SELECT rule_id, severity, case_id, document_id, version, sed_type, sender_country, legislation_state, reasons,
       follow_up, person_key, received_at, run_id, evaluated_at, evaluation
FROM {db}.anomalies FINAL
ALL INNER JOIN {db}.current_evaluation USING (case_id, document_id, version, evaluation);

DROP TABLE IF EXISTS {db}.review_current;
CREATE VIEW IF NOT EXISTS {db}.review_current AS
SELECT case_id, document_id, version, sed_type, sender_country, person_key, rule_ids, reasons, received_at,
       run_id, queued_at, evaluation
FROM {db}.review_queue FINAL
ALL INNER JOIN {db}.current_evaluation USING (case_id, document_id, version, evaluation);
