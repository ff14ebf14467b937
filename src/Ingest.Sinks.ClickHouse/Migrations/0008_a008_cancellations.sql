-- An A008 cancelling the whole period voids the case's decisions (A003, A009, A010): those whose
-- period overlaps the A008's own period, or all of them when the A008 restates none, whatever the
-- order they arrive in. sed_current flagged X008 invalidations only, so a cancelled posting stayed
-- valid for every query that reads the current state. The run's history (the rules) already did this.
ALTER TABLE {db}.sed_documents ADD COLUMN cancels_period UInt8 DEFAULT 0 AFTER invalidates_date;

CREATE VIEW IF NOT EXISTS {db}.document_cancellations AS
SELECT case_id, document_id, min(cancelled_at) AS cancelled_at, count() AS cancellations
FROM
(
    SELECT DISTINCT case_id, document_id, period_start, period_end, open_period
    FROM {db}.sed_documents FINAL
    WHERE sed_type IN ('A003', 'A009', 'A010')
)
ALL INNER JOIN
(
    SELECT case_id, received_at AS cancelled_at, period_start AS cancelled_start, period_end AS cancelled_end, open_period AS cancelled_open
    FROM {db}.sed_documents FINAL
    WHERE sed_type = 'A008' AND cancels_period = 1
) USING (case_id)
WHERE cancelled_start = toDate('1970-01-01')
   OR (period_start > toDate('1970-01-01')
       AND period_start <= if(cancelled_open = 1 OR cancelled_end = toDate('1970-01-01'), toDate('2105-12-31'), cancelled_end)
       AND cancelled_start <= if(open_period = 1 OR period_end = toDate('1970-01-01'), toDate('2105-12-31'), period_end))
GROUP BY case_id, document_id;

-- Both ways a document loses its validity, one row a document.
CREATE VIEW IF NOT EXISTS {db}.document_invalidity AS
SELECT case_id, document_id, min(at) AS invalidated_at, sum(n) AS invalidations
FROM
(
    SELECT case_id, document_id, invalidated_at AS at, invalidations AS n FROM {db}.document_invalidations
    UNION ALL
    SELECT case_id, document_id, cancelled_at AS at, cancellations AS n FROM {db}.document_cancellations
)
GROUP BY case_id, document_id;

DROP TABLE IF EXISTS {db}.sed_current;
CREATE VIEW IF NOT EXISTS {db}.sed_current AS
SELECT case_id, document_id, current_version, versions_received, sed_type, sender, sender_country, received_at,
       issued_on, person_key, family_name, forename, date_birth, legislation_state, article, period_start,
       period_end, open_period, work_countries, employer_names, employer_ids, red_flag,
       invalidations > 0 AS invalidated, invalidated_at
FROM {db}.sed_latest
ANY LEFT JOIN {db}.document_invalidity USING (case_id, document_id);
