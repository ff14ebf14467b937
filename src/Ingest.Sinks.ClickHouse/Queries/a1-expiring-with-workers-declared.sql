-- title: A1s expiring in a month while their worker is still declared after the end
-- description: A1 certificates of the latest snapshot whose end falls in the given month, with an
--   active declaration for the same PIN that runs past that end (LIFE-05 / POST-03 follow-up).
-- param: month Date month-start first day of the month to look at (default: this month)
-- param: limit UInt 1000 rows at most
SELECT a.document_number, a.family_name, a.forename, a.pin, a.end AS a1_end,
       d.declaration_id, d.employer_name, d.end AS declared_until
FROM
(
    SELECT document_number, family_name, forename, pin, end
    FROM {db}.a1_certificates FINAL
    WHERE snapshot_id = (SELECT argMax(snapshot_id, loaded_at) FROM {db}.reference_snapshots)
      AND toStartOfMonth(end) = toStartOfMonth({month}) AND pin != '' AND status = 'issued'
) AS a
ALL INNER JOIN
(
    SELECT worker_pin AS pin, declaration_id, employer_name, start, end
    FROM {db}.posting_declarations FINAL
    WHERE snapshot_id = (SELECT argMax(snapshot_id, loaded_at) FROM {db}.reference_snapshots)
      AND status != 'cancelled' AND worker_pin != ''
) AS d USING (pin)
-- The declaration runs across the A1's end: it started under this A1 (a later posting has an A1 of its own).
WHERE d.start <= a.end AND d.end > a.end
ORDER BY a.end
LIMIT {limit}
