-- title: A009 postings to France with no matching posting declaration (POST-01)
-- description: Current, not invalidated A009s under Art. 12(1) that name France as a work country
--   and whose declaration match is unmatched. The inspector's first list: employers that notified
--   the posting through their institution but never filed the French declaration.
-- param: from Date 2000-01-01 received on or after
-- param: limit UInt 1000 rows at most
SELECT c.case_id, c.document_id, c.sender_country, c.family_name, c.forename, c.date_birth,
       c.period_start, c.period_end, c.employer_names, m.status AS declaration_match, m.reasons
FROM {db}.sed_current AS c
ANY INNER JOIN
(SELECT case_id, document_id, status, target_id, reasons FROM {db}.match_current WHERE target = 'declaration') AS m USING (case_id, document_id)
WHERE c.sed_type = 'A009' AND c.article = '01' AND has(c.work_countries, 'FR')
  AND c.invalidated = 0 AND c.received_at >= toDateTime({from})
  -- A red flag sends a SED to review whatever was found: with no declaration found it belongs here too.
  AND (m.status = 'unmatched' OR (m.status = 'review' AND m.target_id = ''))
ORDER BY c.received_at DESC
LIMIT {limit}
