-- title: Persons claimed by two states over overlapping periods (LEG-01, LEG-02)
-- description: Current, valid SEDs whose period overlaps another claim on the same person under a
--   different state's legislation: a local A1 (LEG-01) or another SED or foreign A1 (LEG-02), with the
--   conflicting claim in the reason. The person is the one the engine linked (shared PIN, name and
--   birth date across senders and PIN formats), which no join on a single person key can redo. Each row
--   calls for an A005 request or the dialogue procedure.
-- param: limit UInt 1000 rows at most
SELECT person_key, family_name, forename, date_birth, rule_id, case_id, document_id, sed_type, sender_country,
       legislation_state, period_start, period_end, reasons AS conflicting_claim
FROM
(
    SELECT case_id, document_id, rule_id, reasons
    FROM {db}.anomalies_current
    WHERE rule_id IN ('LEG-01', 'LEG-02')
)
ALL INNER JOIN
(
    SELECT case_id, document_id, person_key, family_name, forename, date_birth, sed_type, sender_country,
           legislation_state, period_start, period_end
    FROM {db}.sed_current
    WHERE invalidated = 0
) USING (case_id, document_id)
ORDER BY person_key, period_start
LIMIT {limit}
