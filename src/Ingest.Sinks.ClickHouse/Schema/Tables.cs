namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>Insert shapes of the tables in Migrations/ (the order here is the order of the row arrays).</summary>
public static class Tables
{
    public static readonly TableSpec SedDocuments = new("sed_documents",
        ("case_id", "String"), ("document_id", "String"), ("version", "UInt32"), ("sed_type", "{lc}"),
        ("cdm_version", "{lc}"), ("buc", "{lc}"), ("sender", "String"), ("receiver", "String"),
        ("sender_country", "{lc}"), ("received_at", "DateTime"), ("issued_on", "Date"), ("family_name", "String"), ("forename", "String"),
        ("birth_name", "String"), ("date_birth", "Date"), ("sex", "{lc}"), ("pins", "Array(String)"),
        ("pin_countries", "Array(String)"), ("nationalities", "Array(String)"), ("legislation_state", "{lc}"),
        ("article", "{lc}"), ("period_start", "Date"), ("period_end", "Date"), ("open_period", "UInt8"),
        ("for_duration", "UInt8"), ("initial_decision", "UInt8"), ("date_previous_decision", "Date"),
        ("work_countries", "Array(String)"), ("employer_names", "Array(String)"), ("employer_ids", "Array(String)"),
        ("employer_countries", "Array(String)"), ("invalidates_type", "String"), ("invalidates_date", "Date"),
        ("cancels_period", "UInt8"), ("person_key", "String"), ("person_pseudonym", "String"), ("red_flag", "UInt8"), ("unit", "String"),
        ("run_id", "String"), ("ingested_at", "DateTime"), ("evaluation", "UInt64"));

    public static readonly TableSpec ReviewQueue = new("review_queue",
        ("case_id", "String"), ("document_id", "String"), ("version", "UInt32"), ("sed_type", "{lc}"),
        ("sender_country", "{lc}"), ("person_key", "String"), ("rule_ids", "Array(String)"), ("reasons", "Array(String)"),
        ("received_at", "DateTime"), ("run_id", "String"), ("queued_at", "DateTime"), ("evaluation", "UInt64"));

    public static readonly TableSpec RuleCatalog = new("rule_catalog",
        ("rule_id", "String"), ("family", "{lc}"), ("title", "String"), ("severity", "{lc}"), ("legal_basis", "String"),
        ("inputs", "String"), ("follow_up", "String"), ("updated_at", "DateTime"));

    public static readonly TableSpec ReferenceSnapshots = new("reference_snapshots",
        ("snapshot_id", "String"), ("a1_count", "UInt64"), ("declaration_count", "UInt64"), ("a1_source", "String"),
        ("declarations_source", "String"), ("loaded_at", "DateTime"));

    public static readonly TableSpec A1Certificates = new("a1_certificates",
        ("snapshot_id", "String"), ("document_number", "String"), ("issuer", "String"), ("issued_on", "Date"),
        ("status", "{lc}"), ("family_name", "String"), ("forename", "String"), ("date_birth", "Date"), ("pin", "String"),
        ("pin_country", "{lc}"), ("employer_name", "String"), ("employer_id", "String"), ("employer_country", "{lc}"),
        ("legislation_state", "{lc}"), ("article", "{lc}"), ("start", "Date"), ("end", "Date"), ("work_countries", "Array(String)"));

    public static readonly TableSpec PostingDeclarations = new("posting_declarations",
        ("snapshot_id", "String"), ("declaration_id", "String"), ("version", "UInt32"), ("status", "{lc}"),
        ("filed_on", "Date"), ("employer_name", "String"), ("employer_id", "String"), ("employer_country", "{lc}"),
        ("client_name", "String"), ("client_siret", "String"), ("site_town", "String"), ("site_postal_code", "String"),
        ("worker_family_name", "String"), ("worker_forename", "String"), ("worker_date_birth", "Date"),
        ("worker_nationality", "{lc}"), ("worker_pin", "String"), ("worker_pin_country", "{lc}"), ("hire_date", "Date"),
        ("start", "Date"), ("end", "Date"), ("a1_number", "String"));

    public static readonly TableSpec MatchResults = new("match_results",
        ("case_id", "String"), ("document_id", "String"), ("version", "UInt32"), ("target", "{lc}"),
        ("status", "{lc}"), ("target_id", "String"), ("score", "Float32"), ("reasons", "Array(String)"),
        ("person_key", "String"), ("received_at", "DateTime"), ("run_id", "String"), ("evaluated_at", "DateTime"));

    public static readonly TableSpec Anomalies = new("anomalies",
        ("rule_id", "{lc}"), ("severity", "{lc}"), ("case_id", "String"), ("document_id", "String"),
        ("version", "UInt32"), ("sed_type", "{lc}"), ("sender_country", "{lc}"), ("legislation_state", "{lc}"),
        ("reasons", "String"), ("follow_up", "String"), ("person_key", "String"), ("received_at", "DateTime"),
        ("run_id", "String"), ("evaluated_at", "DateTime"), ("evaluation", "UInt64"));

    public static readonly TableSpec Quarantine = new("quarantine",
        ("unit", "String"), ("source", "String"), ("entry", "String"), ("unit_offset", "UInt64"),
        ("outcome", "{lc}"), ("error_code", "{lc}"), ("message", "String"), ("byte_offset", "UInt64"),
        ("line", "UInt32"), ("column", "UInt32"), ("element_path", "String"), ("raw", "String"),
        ("raw_size", "UInt64"), ("run_id", "String"), ("quarantined_at", "DateTime"));

    public static readonly TableSpec Runs = new("runs",
        ("run_id", "String"), ("kind", "{lc}"), ("status", "{lc}"), ("input", "String"), ("started_at", "DateTime"),
        ("finished_at", "DateTime"), ("units_in", "UInt64"), ("seds", "UInt64"), ("quarantined", "UInt64"),
        ("not_sed", "UInt64"), ("matched_a1", "UInt64"), ("matched_declarations", "UInt64"), ("anomalies", "UInt64"),
        ("red_flags", "UInt64"), ("duration_ms", "UInt64"), ("error", "String"), ("tool_version", "String"),
        ("server_version", "String"), ("host", "String"), ("updated_at", "DateTime"));
}
