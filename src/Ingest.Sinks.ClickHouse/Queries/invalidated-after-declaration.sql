-- title: SEDs invalidated or cancelled after a posting declaration relied on them (LIFE-01, LIFE-03)
-- description: Documents that an X008 invalidated or an A008 cancelled after the declaration they
--   were conform to was filed (a declaration filed once the SED was already void never relied on it),
--   the declaration still active in the latest reference snapshot: it now stands without its A1 evidence.
-- param: limit UInt 1000 rows at most
SELECT case_id, document_id, sed_type, sender_country, family_name, forename, invalidated_at,
       target_id AS declaration_id, filed_on AS declaration_filed_on
FROM
(
    SELECT c.case_id, c.document_id, c.sed_type, c.sender_country, c.family_name, c.forename, c.invalidated_at, m.target_id
    FROM {db}.sed_current AS c
    ANY INNER JOIN
    (SELECT case_id, document_id, status, target_id FROM {db}.match_current WHERE target = 'declaration') AS m USING (case_id, document_id)
    WHERE c.invalidated = 1 AND m.status = 'conform' AND m.target_id != ''
)
ANY INNER JOIN
(
    -- One join a query on ClickHouse 18.16: the declarations of the latest snapshot, joined to the matches above.
    SELECT declaration_id AS target_id, filed_on, status AS declaration_status
    FROM {db}.posting_declarations FINAL
    WHERE snapshot_id = (SELECT argMax(snapshot_id, loaded_at) FROM {db}.reference_snapshots)
) USING (target_id)
WHERE declaration_status != 'cancelled' AND filed_on <= toDate(invalidated_at)
ORDER BY invalidated_at DESC
LIMIT {limit}
