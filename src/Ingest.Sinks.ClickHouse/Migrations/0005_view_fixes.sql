-- sed_invalidations (0002) filtered on "sed_type" while naming the invalidated type "sed_type": a
-- SELECT alias wins over the column in WHERE, so the view kept nothing and no X008 ever invalidated a
-- document in sed_current. The filter now runs in a subquery, before the columns are renamed.
DROP TABLE IF EXISTS {db}.sed_invalidations;
CREATE VIEW IF NOT EXISTS {db}.sed_invalidations AS
SELECT case_id, target_type AS sed_type, target_date AS issued_on, min(received_at) AS invalidated_at, count() AS invalidations
FROM
(
    SELECT case_id, invalidates_type AS target_type, invalidates_date AS target_date, received_at
    FROM {db}.sed_documents FINAL
    WHERE sed_type = 'X008' AND invalidates_type != ''
)
GROUP BY case_id, sed_type, issued_on;

-- ANY INNER JOIN (0003) keeps one row per key on both sides since ClickHouse 20.1: with several rules
-- fired in one evaluation, a modern server would show one anomaly per document version. The right side
-- holds one row per key, so ALL INNER JOIN gives every anomaly on every version.
DROP TABLE IF EXISTS {db}.anomalies_current;
CREATE VIEW IF NOT EXISTS {db}.anomalies_current AS
SELECT rule_id, severity, case_id, document_id, version, sed_type, sender_country, legislation_state, reasons,
       follow_up, person_key, received_at, run_id, evaluated_at, evaluation
FROM {db}.anomalies FINAL
ALL INNER JOIN {db}.latest_evaluation USING (case_id, document_id, version, evaluation);

DROP TABLE IF EXISTS {db}.review_current;
CREATE VIEW IF NOT EXISTS {db}.review_current AS
SELECT case_id, document_id, version, sed_type, sender_country, person_key, rule_ids, reasons, received_at,
       run_id, queued_at, evaluation
FROM {db}.review_queue FINAL
ALL INNER JOIN {db}.latest_evaluation USING (case_id, document_id, version, evaluation);
