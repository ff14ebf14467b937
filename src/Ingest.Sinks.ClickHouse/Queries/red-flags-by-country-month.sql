-- title: Red flags by sending country and month
-- description: SEDs taken out of automation (review queue) and still valid (not invalidated or
--   cancelled since), per sending country and month of receipt, with the rules that raised them most.
--   The dashboard's main chart.
-- param: from Date 2000-01-01 received on or after
-- SEDs counted once each (the rule ids are unfolded for the top rules only; a SED without one still counts).
SELECT toStartOfMonth(received_at) AS month, sender_country, uniqExact(case_id, document_id) AS red_flags,
       topK(3)(arrayJoin(if(empty(rule_ids), ['(none)'], rule_ids))) AS top_rules
FROM
(
    SELECT r.case_id, r.document_id, r.received_at, r.sender_country, r.rule_ids
    FROM {db}.review_current AS r
    ANY INNER JOIN (SELECT case_id, document_id FROM {db}.sed_current WHERE invalidated = 0) USING (case_id, document_id)
    WHERE r.received_at >= toDateTime({from})
)
GROUP BY month, sender_country
ORDER BY month, red_flags DESC
