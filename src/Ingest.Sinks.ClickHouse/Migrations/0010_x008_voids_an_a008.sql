-- An X008 naming an A008 (its case, type A008 and issue date) voids that A008's cancellation, as the
-- run's history does (RunHistory.Uncancel): the case's decisions are valid again unless another
-- cancellation, or an X008 of their own, voids them. The A008 itself is invalid like any named SED.
-- Otherwise as 0009.
DROP TABLE IF EXISTS {db}.document_cancellations;
CREATE VIEW IF NOT EXISTS {db}.document_cancellations AS
SELECT case_id, document_id, min(cancelled_at) AS cancelled_at, count() AS cancellations
FROM
(
    SELECT DISTINCT case_id, document_id, period_start, period_end
    FROM {db}.sed_documents FINAL
    WHERE sed_type IN ('A003', 'A009', 'A010') AND case_id != ''
)
ALL INNER JOIN
(
    SELECT case_id, received_at AS cancelled_at, period_start AS cancelled_start, period_end AS cancelled_end
    FROM {db}.sed_documents FINAL
    WHERE sed_type = 'A008' AND cancels_period = 1 AND case_id != ''
      AND (case_id, issued_on) NOT IN (SELECT case_id, issued_on FROM {db}.sed_invalidations WHERE sed_type = 'A008')
) USING (case_id)
WHERE cancelled_start = toDate('1970-01-01')
   OR (period_start > toDate('1970-01-01')
       AND period_start <= if(cancelled_end = toDate('1970-01-01'), toDate('2105-12-31'), cancelled_end)
       AND cancelled_start <= if(period_end = toDate('1970-01-01'), toDate('2105-12-31'), period_end))
GROUP BY case_id, document_id;
