-- 0002: what inspectors need beyond the raw results: the document's issue date and a keyed-hash
-- pseudonym on every document row, the review queue, the rule catalogue, the reference data
-- snapshot (A1s and declarations, so analysts can join on them), and the current-state views.

ALTER TABLE {db}.sed_documents ADD COLUMN issued_on Date AFTER received_at;
ALTER TABLE {db}.sed_documents ADD COLUMN person_pseudonym String AFTER person_key;

CREATE TABLE IF NOT EXISTS {db}.review_queue
(
    case_id String,
    document_id String,
    version UInt32,
    sed_type {lc},
    sender_country {lc},
    person_key String,
    rule_ids Array(String),
    reasons Array(String),
    received_at DateTime,
    run_id String,
    queued_at DateTime
)
ENGINE = ReplacingMergeTree(queued_at)
PARTITION BY toYYYYMM(received_at)
ORDER BY (case_id, document_id, version);

CREATE TABLE IF NOT EXISTS {db}.rule_catalog
(
    rule_id String,
    family {lc},
    title String,
    severity {lc},
    legal_basis String,
    inputs String,
    follow_up String,
    updated_at DateTime
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY rule_id;

CREATE TABLE IF NOT EXISTS {db}.reference_snapshots
(
    snapshot_id String,
    a1_count UInt64,
    declaration_count UInt64,
    a1_source String,
    declarations_source String,
    loaded_at DateTime
)
ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY snapshot_id;

CREATE TABLE IF NOT EXISTS {db}.a1_certificates
(
    snapshot_id String,
    document_number String,
    issuer String,
    issued_on Date,
    status {lc},
    family_name String,
    forename String,
    date_birth Date,
    pin String,
    pin_country {lc},
    employer_name String,
    employer_id String,
    employer_country {lc},
    legislation_state {lc},
    article {lc},
    start Date,
    end Date,
    work_countries Array(String)
)
ENGINE = ReplacingMergeTree
ORDER BY (snapshot_id, document_number);

CREATE TABLE IF NOT EXISTS {db}.posting_declarations
(
    snapshot_id String,
    declaration_id String,
    version UInt32,
    status {lc},
    filed_on Date,
    employer_name String,
    employer_id String,
    employer_country {lc},
    client_name String,
    client_siret String,
    site_town String,
    site_postal_code String,
    worker_family_name String,
    worker_forename String,
    worker_date_birth Date,
    worker_nationality {lc},
    worker_pin String,
    worker_pin_country {lc},
    hire_date Date,
    start Date,
    end Date,
    a1_number String
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (snapshot_id, declaration_id);

-- The latest version of every document (a newer version supersedes), read from deduplicated rows.
CREATE VIEW IF NOT EXISTS {db}.sed_latest AS
SELECT
    case_id,
    document_id,
    max(version) AS current_version,
    count() AS versions_received,
    argMax(sed_type, version) AS sed_type,
    argMax(sender, version) AS sender,
    argMax(sender_country, version) AS sender_country,
    argMax(received_at, version) AS received_at,
    argMax(issued_on, version) AS issued_on,
    argMax(person_key, version) AS person_key,
    argMax(family_name, version) AS family_name,
    argMax(forename, version) AS forename,
    argMax(date_birth, version) AS date_birth,
    argMax(legislation_state, version) AS legislation_state,
    argMax(article, version) AS article,
    argMax(period_start, version) AS period_start,
    argMax(period_end, version) AS period_end,
    argMax(open_period, version) AS open_period,
    argMax(work_countries, version) AS work_countries,
    argMax(employer_names, version) AS employer_names,
    argMax(employer_ids, version) AS employer_ids,
    argMax(red_flag, version) AS red_flag
FROM {db}.sed_documents FINAL
GROUP BY case_id, document_id;

-- X008 names its target by SED type and issue date inside the case, not by document id.
CREATE VIEW IF NOT EXISTS {db}.sed_invalidations AS
SELECT case_id, invalidates_type AS sed_type, invalidates_date AS issued_on, min(received_at) AS invalidated_at, count() AS invalidations
FROM {db}.sed_documents FINAL
WHERE sed_type = 'X008' AND invalidates_type != ''
GROUP BY case_id, sed_type, issued_on;

CREATE VIEW IF NOT EXISTS {db}.sed_current AS
SELECT case_id, document_id, current_version, versions_received, sed_type, sender, sender_country, received_at,
       issued_on, person_key, family_name, forename, date_birth, legislation_state, article, period_start,
       period_end, open_period, work_countries, employer_names, employer_ids, red_flag,
       invalidations > 0 AS invalidated, invalidated_at
FROM {db}.sed_latest
ANY LEFT JOIN {db}.sed_invalidations USING (case_id, sed_type, issued_on);

-- The latest match of each document against each kind of reference data.
CREATE VIEW IF NOT EXISTS {db}.match_current AS
SELECT case_id, document_id, target, max(version) AS latest_version, argMax(status, version) AS status,
       argMax(target_id, version) AS target_id, argMax(score, version) AS score, argMax(reasons, version) AS reasons
FROM {db}.match_results FINAL
GROUP BY case_id, document_id, target;

-- For exports to partners: no names, no PINs; the person is a keyed hash (HMAC, key from configuration).
CREATE VIEW IF NOT EXISTS {db}.sed_documents_pseudonymised AS
SELECT case_id, document_id, version, sed_type, cdm_version, buc, sender_country, received_at, issued_on,
       person_pseudonym, toYear(date_birth) AS birth_year, sex, nationalities, legislation_state, article,
       period_start, period_end, open_period, work_countries, red_flag
FROM {db}.sed_documents FINAL;
