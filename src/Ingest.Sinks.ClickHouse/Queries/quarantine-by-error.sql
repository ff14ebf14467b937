-- title: Quarantined input by error
-- description: Units that did not become SED rows, per outcome and error code, with an example
--   unit and its position, so a sender's systematic fault is seen at once.
SELECT outcome, error_code, count() AS units, any(unit) AS example_unit, any(message) AS example_message,
       any(element_path) AS example_path
FROM {db}.quarantine FINAL
GROUP BY outcome, error_code
ORDER BY units DESC
