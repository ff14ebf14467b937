-- The current state's invalidations read as the run's history reads them (RunHistory): rows now carry
-- dates as the engine reads them (DD.MM.YYYY, YYYYMMDD, date-times; the zero date for an absent or
-- unreadable one), so a zero start is no period and a zero end is open, whatever open_period says
-- (0008 read open_period too); SEDs without a case id (bare Kafka records) are no case an X008 or an
-- A008 voids (0005 and 0008 joined them all as one); an X008 whose target date is unreadable names no
-- document (it joined every SED of its type without a readable issue date).
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
) USING (case_id)
WHERE cancelled_start = toDate('1970-01-01')
   OR (period_start > toDate('1970-01-01')
       AND period_start <= if(cancelled_end = toDate('1970-01-01'), toDate('2105-12-31'), cancelled_end)
       AND cancelled_start <= if(period_end = toDate('1970-01-01'), toDate('2105-12-31'), period_end))
GROUP BY case_id, document_id;

DROP TABLE IF EXISTS {db}.sed_invalidations;
CREATE VIEW IF NOT EXISTS {db}.sed_invalidations AS
SELECT case_id, target_type AS sed_type, target_date AS issued_on, min(received_at) AS invalidated_at, count() AS invalidations
FROM
(
    SELECT case_id, invalidates_type AS target_type, invalidates_date AS target_date, received_at
    FROM {db}.sed_documents FINAL
    WHERE sed_type = 'X008' AND invalidates_type != '' AND invalidates_date != toDate('1970-01-01') AND case_id != ''
)
GROUP BY case_id, sed_type, issued_on;
