-- title: Posting declarations that no SED and no local A1 covers (POST-02)
-- description: Declarations of the latest reference snapshot, not cancelled, that no current SED
--   (latest version, not invalidated) is matched to and whose cited A1 number is absent from the A1
--   register. These workers were declared in France with no proof of affiliation abroad; a SED an
--   X008 invalidated is no proof.
-- param: limit UInt 1000 rows at most
SELECT d.declaration_id, d.employer_name, d.employer_country, d.worker_family_name, d.worker_forename,
       d.worker_date_birth, d.start, d.end, d.a1_number
FROM {db}.posting_declarations AS d FINAL
WHERE d.snapshot_id = (SELECT argMax(snapshot_id, loaded_at) FROM {db}.reference_snapshots)
  AND d.status != 'cancelled'
  AND d.declaration_id NOT IN
  (
      SELECT target_id
      FROM {db}.match_current
      ALL INNER JOIN (SELECT case_id, document_id FROM {db}.sed_current WHERE invalidated = 0) USING (case_id, document_id)
      WHERE target = 'declaration' AND target_id != ''
  )
  AND d.a1_number NOT IN (SELECT document_number FROM {db}.a1_certificates
                         WHERE snapshot_id = (SELECT argMax(snapshot_id, loaded_at) FROM {db}.reference_snapshots))
ORDER BY d.start
LIMIT {limit}
