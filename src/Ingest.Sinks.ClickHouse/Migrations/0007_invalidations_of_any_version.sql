-- An X008 names the document it invalidates by type and issue date, as the sender saw it: the issue
-- date of the version it had, which a later version may have changed. sed_current (0002) matched the
-- latest version's date only, so such a document stayed valid. A document is now invalidated when
-- an X008 of its case names the type and issue date of any of its versions.
CREATE VIEW IF NOT EXISTS {db}.document_invalidations AS
SELECT case_id, document_id, min(invalidated_at) AS invalidated_at, sum(invalidations) AS invalidations
FROM
(
    SELECT DISTINCT case_id, document_id, sed_type, issued_on
    FROM {db}.sed_documents FINAL
)
ALL INNER JOIN {db}.sed_invalidations USING (case_id, sed_type, issued_on)
GROUP BY case_id, document_id;

DROP TABLE IF EXISTS {db}.sed_current;
CREATE VIEW IF NOT EXISTS {db}.sed_current AS
SELECT case_id, document_id, current_version, versions_received, sed_type, sender, sender_country, received_at,
       issued_on, person_key, family_name, forename, date_birth, legislation_state, article, period_start,
       period_end, open_period, work_countries, employer_names, employer_ids, red_flag,
       invalidations > 0 AS invalidated, invalidated_at
FROM {db}.sed_latest
ANY LEFT JOIN {db}.document_invalidations USING (case_id, document_id);
