-- title: Anomalies per rule and severity
-- description: How often each control fired on current results, with distinct documents and
--   persons. Use it to watch a rule's volume after a change.
-- param: from Date 2000-01-01 received on or after
SELECT rule_id, severity, count() AS anomalies, uniqExact(case_id, document_id) AS documents,
       uniqExact(person_key) AS persons
FROM {db}.anomalies_current
WHERE received_at >= toDateTime({from})
GROUP BY rule_id, severity
ORDER BY anomalies DESC
