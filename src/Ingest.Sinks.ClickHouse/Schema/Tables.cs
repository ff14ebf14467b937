namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>Insert shapes of the tables in Migrations/ (the order here is the order of the row arrays).</summary>
public static class Tables
{
    public static readonly TableSpec SedDocuments = new("sed_documents",
        ("case_id", "String"), ("document_id", "String"), ("version", "UInt32"), ("sed_type", "{lc}"),
        ("cdm_version", "{lc}"), ("buc", "{lc}"), ("sender", "String"), ("receiver", "String"),
        ("sender_country", "{lc}"), ("received_at", "DateTime"), ("family_name", "String"), ("forename", "String"),
        ("birth_name", "String"), ("date_birth", "Date"), ("sex", "{lc}"), ("pins", "Array(String)"),
        ("pin_countries", "Array(String)"), ("nationalities", "Array(String)"), ("legislation_state", "{lc}"),
        ("article", "{lc}"), ("period_start", "Date"), ("period_end", "Date"), ("open_period", "UInt8"),
        ("for_duration", "UInt8"), ("initial_decision", "UInt8"), ("date_previous_decision", "Date"),
        ("work_countries", "Array(String)"), ("employer_names", "Array(String)"), ("employer_ids", "Array(String)"),
        ("employer_countries", "Array(String)"), ("invalidates_type", "String"), ("invalidates_date", "Date"),
        ("person_key", "String"), ("red_flag", "UInt8"), ("unit", "String"), ("run_id", "String"),
        ("ingested_at", "DateTime"));

    public static readonly TableSpec MatchResults = new("match_results",
        ("case_id", "String"), ("document_id", "String"), ("version", "UInt32"), ("target", "{lc}"),
        ("status", "{lc}"), ("target_id", "String"), ("score", "Float32"), ("reasons", "Array(String)"),
        ("person_key", "String"), ("received_at", "DateTime"), ("run_id", "String"), ("evaluated_at", "DateTime"));

    public static readonly TableSpec Anomalies = new("anomalies",
        ("rule_id", "{lc}"), ("severity", "{lc}"), ("case_id", "String"), ("document_id", "String"),
        ("version", "UInt32"), ("sed_type", "{lc}"), ("sender_country", "{lc}"), ("legislation_state", "{lc}"),
        ("reasons", "String"), ("follow_up", "String"), ("person_key", "String"), ("received_at", "DateTime"),
        ("run_id", "String"), ("evaluated_at", "DateTime"));

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
