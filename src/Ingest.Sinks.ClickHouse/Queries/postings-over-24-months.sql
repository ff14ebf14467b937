-- title: Single postings over 24 months (PER-02)
-- description: Current A009s whose period exceeds 24 months; each needs an Art. 16 agreement (A011).
-- param: limit UInt 1000 rows at most
SELECT case_id, document_id, sender_country, family_name, forename, period_start, period_end,
       dateDiff('month', period_start, period_end) AS months
FROM {db}.sed_current
WHERE sed_type = 'A009' AND invalidated = 0 AND period_end > period_start
  AND addMonths(period_start, 24) <= period_end
ORDER BY months DESC
LIMIT {limit}
