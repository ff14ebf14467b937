-- 0001: documents, match results, anomalies, quarantine and runs.
-- Tokens: {db} database, {lc} LowCardinality(String) where the server has it, else String.
-- Every table is a ReplacingMergeTree keyed by the unit's identity, so a re-run, a retried batch or
-- a replayed Kafka record collapses to one row; queries read with FINAL (or argMax by version).

CREATE TABLE IF NOT EXISTS {db}.sed_documents
(
    case_id String,
    document_id String,
    version UInt32,
    sed_type {lc},
    cdm_version {lc},
    buc {lc},
    sender String,
    receiver String,
    sender_country {lc},
    received_at DateTime,
    family_name String,
    forename String,
    birth_name String,
    date_birth Date,
    sex {lc},
    pins Array(String),
    pin_countries Array(String),
    nationalities Array(String),
    legislation_state {lc},
    article {lc},
    period_start Date,
    period_end Date,
    open_period UInt8,
    for_duration UInt8,
    initial_decision UInt8,
    date_previous_decision Date,
    work_countries Array(String),
    employer_names Array(String),
    employer_ids Array(String),
    employer_countries Array(String),
    invalidates_type String,
    invalidates_date Date,
    person_key String,
    red_flag UInt8,
    unit String,
    run_id String,
    ingested_at DateTime
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(received_at)
ORDER BY (case_id, document_id, version);

CREATE TABLE IF NOT EXISTS {db}.match_results
(
    case_id String,
    document_id String,
    version UInt32,
    target {lc},
    status {lc},
    target_id String,
    score Float32,
    reasons Array(String),
    person_key String,
    received_at DateTime,
    run_id String,
    evaluated_at DateTime
)
ENGINE = ReplacingMergeTree(evaluated_at)
PARTITION BY toYYYYMM(received_at)
ORDER BY (case_id, document_id, version, target);

CREATE TABLE IF NOT EXISTS {db}.anomalies
(
    rule_id {lc},
    severity {lc},
    case_id String,
    document_id String,
    version UInt32,
    sed_type {lc},
    sender_country {lc},
    legislation_state {lc},
    reasons String,
    follow_up String,
    person_key String,
    received_at DateTime,
    run_id String,
    evaluated_at DateTime
)
ENGINE = ReplacingMergeTree(evaluated_at)
PARTITION BY toYYYYMM(received_at)
ORDER BY (rule_id, case_id, document_id, version);

CREATE TABLE IF NOT EXISTS {db}.quarantine
(
    unit String,
    source String,
    entry String,
    unit_offset UInt64,
    outcome {lc},
    error_code {lc},
    message String,
    byte_offset UInt64,
    line UInt32,
    column UInt32,
    element_path String,
    raw String,
    raw_size UInt64,
    run_id String,
    quarantined_at DateTime
)
ENGINE = ReplacingMergeTree(quarantined_at)
ORDER BY (source, entry, unit_offset);

CREATE TABLE IF NOT EXISTS {db}.runs
(
    run_id String,
    kind {lc},
    status {lc},
    input String,
    started_at DateTime,
    finished_at DateTime,
    units_in UInt64,
    seds UInt64,
    quarantined UInt64,
    not_sed UInt64,
    matched_a1 UInt64,
    matched_declarations UInt64,
    anomalies UInt64,
    red_flags UInt64,
    duration_ms UInt64,
    error String,
    tool_version String,
    server_version String,
    host String,
    updated_at DateTime
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY run_id;
