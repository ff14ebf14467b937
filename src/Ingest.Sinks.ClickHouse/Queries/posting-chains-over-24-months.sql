-- title: Workers posted in a chain for more than 24 months (PER-03)
-- description: Per person and first employer id, A009 postings to France whose combined span
--   exceeds 730 days across two or more documents. Successive A1s that add up past the Art. 12
--   limit without an Art. 16 agreement.
-- param: min_days UInt 730 combined days above which a chain is listed
-- param: limit UInt 1000 rows at most
SELECT person_key, any(family_name) AS family_name, any(forename) AS forename, employer,
       count() AS postings, min(period_start) AS first_start, max(period_end) AS last_end,
       sum(dateDiff('day', period_start, period_end) + 1) AS posted_days
FROM
(
    SELECT person_key, family_name, forename, if(empty(employer_ids), '', employer_ids[1]) AS employer, period_start, period_end
    FROM {db}.sed_current
    WHERE sed_type = 'A009' AND invalidated = 0 AND person_key != '' AND period_end > period_start
)
GROUP BY person_key, employer
HAVING postings >= 2 AND posted_days > {min_days}
ORDER BY posted_days DESC
LIMIT {limit}
