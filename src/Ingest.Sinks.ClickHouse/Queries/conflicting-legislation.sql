-- title: Persons claimed by two states over overlapping periods (LEG-01, LEG-02)
-- description: Pairs of current, valid SEDs of one person whose periods overlap but whose
--   applicable legislation differs. Each pair calls for an A005 request or the dialogue procedure.
-- param: limit UInt 1000 rows at most
SELECT a.person_key, a.family_name, a.forename,
       a.document_id AS first_document, a.legislation_state AS first_state, a.period_start AS first_start, a.period_end AS first_end,
       b.document_id AS second_document, b.legislation_state AS second_state, b.period_start AS second_start, b.period_end AS second_end
FROM
(
    SELECT person_key, family_name, forename, document_id, legislation_state, period_start,
           if(period_end = toDate('1970-01-01'), toDate('2105-12-31'), period_end) AS period_end
    FROM {db}.sed_current
    WHERE invalidated = 0 AND person_key != '' AND legislation_state != '' AND period_start > toDate('1970-01-01')
) AS a
ALL INNER JOIN
(
    SELECT person_key, document_id, legislation_state, period_start,
           if(period_end = toDate('1970-01-01'), toDate('2105-12-31'), period_end) AS period_end
    FROM {db}.sed_current
    WHERE invalidated = 0 AND person_key != '' AND legislation_state != '' AND period_start > toDate('1970-01-01')
) AS b USING (person_key)
WHERE a.document_id < b.document_id AND a.legislation_state != b.legislation_state
  AND a.period_start <= b.period_end AND b.period_start <= a.period_end
ORDER BY a.person_key
LIMIT {limit}
