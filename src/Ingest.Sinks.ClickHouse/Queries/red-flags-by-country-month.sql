-- title: Red flags by sending country and month
-- description: SEDs taken out of automation (review queue), per sending country and month of
--   receipt, with the rules that raised them most. The dashboard's main chart.
-- param: from Date 2000-01-01 received on or after
-- SEDs counted once each (the rule ids are unfolded for the top rules only).
SELECT toStartOfMonth(received_at) AS month, sender_country, uniqExact(case_id, document_id) AS red_flags,
       topK(3)(arrayJoin(rule_ids)) AS top_rules
FROM {db}.review_current
WHERE received_at >= toDateTime({from})
GROUP BY month, sender_country
ORDER BY month, red_flags DESC
