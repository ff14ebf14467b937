-- title: Runs with their audit counts
-- description: The latest runs: units in, SEDs written, quarantined, and whether the audit
--   equation in = SEDs + quarantined holds.
-- param: limit UInt 20 rows at most
SELECT run_id, kind, status, started_at, duration_ms, units_in, seds, quarantined, not_sed,
       matched_a1, matched_declarations, anomalies, red_flags,
       units_in = seds + quarantined AS balanced, error
FROM {db}.runs FINAL
ORDER BY started_at DESC
LIMIT {limit}
