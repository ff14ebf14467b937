-- title: The manual review queue
-- description: Red-flagged SEDs waiting for an inspector, newest first, with every reason. A SED an
--   X008 invalidated or an A008 cancelled since has nothing left to review and is not listed;
--   queued_at is when the document first entered the queue (a re-run re-evaluates, it does not re-queue).
-- param: country String % sending country (or % for all)
-- param: limit UInt 100 rows at most
SELECT first_queued AS queued_at, case_id, document_id, version, sed_type, sender_country, person_key, rule_ids, reasons
FROM
(
    SELECT r.case_id, r.document_id, r.version, r.sed_type, r.sender_country, r.person_key, r.rule_ids, r.reasons, r.received_at
    FROM {db}.review_current AS r
    ANY INNER JOIN (SELECT case_id, document_id FROM {db}.sed_current WHERE invalidated = 0) USING (case_id, document_id)
    WHERE r.sender_country LIKE {country}
)
ANY LEFT JOIN
(
    -- One join a query on ClickHouse 18.16: the first time each document was queued, over every evaluation.
    SELECT case_id, document_id, min(queued_at) AS first_queued
    FROM {db}.review_queue
    GROUP BY case_id, document_id
) USING (case_id, document_id)
ORDER BY received_at DESC, case_id, document_id
LIMIT {limit}
