-- title: The manual review queue
-- description: Red-flagged SEDs waiting for an inspector, newest first, with every reason.
-- param: country String % sending country (or % for all)
-- param: limit UInt 100 rows at most
SELECT queued_at, case_id, document_id, version, sed_type, sender_country, person_key, rule_ids, reasons
FROM {db}.review_current
WHERE sender_country LIKE {country}
ORDER BY received_at DESC
LIMIT {limit}
