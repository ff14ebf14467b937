-- title: Employers ranked by risk signals (letterbox proxies of POST-07)
-- description: For each posting employer: postings (cases: an amending decision is the same posting),
--   distinct workers, share of red-flagged postings, anomalies of the posting and letterbox families
--   on each posting's latest decision. A high score means many postings to France, many red flags
--   and POST-07 signals; the top of the list is where a targeted control pays.
-- param: limit UInt 100 rows at most
SELECT employer, any(name) AS name, uniqExact(case_id) AS postings, uniqExact(person_key) AS workers,
       round(avg(red_flag), 3) AS red_flag_share,
       sum(post_anomalies) AS posting_anomalies, sum(letterbox) AS letterbox_signals,
       round(postings * (1 + red_flag_share * 5) + letterbox_signals * 20 + posting_anomalies * 2, 1) AS risk_score
FROM
(
    SELECT c.case_id, c.document_id, if(empty(c.employer_ids), '', c.employer_ids[1]) AS employer,
           if(empty(c.employer_names), '', c.employer_names[1]) AS name, c.person_key, c.red_flag,
           a.post_anomalies, a.letterbox
    FROM {db}.sed_current AS c
    ANY LEFT JOIN
    (
        SELECT case_id, document_id, countIf(rule_id LIKE 'POST-%') AS post_anomalies, countIf(rule_id = 'POST-07') AS letterbox
        FROM {db}.anomalies_current
        GROUP BY case_id, document_id
    ) AS a USING (case_id, document_id)
    WHERE c.sed_type = 'A009' AND c.invalidated = 0
      -- One decision a case: its latest (an amendment is a new document in the same case).
      AND (c.case_id, c.document_id) IN
      (
          SELECT case_id, argMax(document_id, received_at)
          FROM {db}.sed_current
          WHERE sed_type = 'A009' AND invalidated = 0
          GROUP BY case_id
      )
)
WHERE employer != ''
GROUP BY employer
ORDER BY risk_score DESC
LIMIT {limit}
