-- title: SEDs invalidated or cancelled after a posting declaration relied on them (LIFE-01, LIFE-03)
-- description: Documents that an X008 invalidated or an A008 cancelled, whose declaration match
--   was conform: the declaration now stands without its A1 evidence.
-- param: limit UInt 1000 rows at most
SELECT c.case_id, c.document_id, c.sed_type, c.sender_country, c.family_name, c.forename,
       c.invalidated_at, m.target_id AS declaration_id
FROM {db}.sed_current AS c
ANY INNER JOIN
(SELECT case_id, document_id, status, target_id, reasons FROM {db}.match_current WHERE target = 'declaration') AS m USING (case_id, document_id)
WHERE c.invalidated = 1 AND m.status = 'conform' AND m.target_id != ''
ORDER BY c.invalidated_at DESC
LIMIT {limit}
