-- title: Every document received for one person
-- description: All versions of all SEDs of one person key, with their state, for the case file.
-- param: person String - person key as shown in other queries (e.g. P|PL:85022912345, or N|… for a person known by name and birth date)
SELECT d.received_at, d.case_id, d.document_id, d.version, d.sed_type, d.sender, d.legislation_state,
       d.article, d.period_start, d.period_end, d.red_flag
FROM {db}.sed_documents AS d FINAL
WHERE d.person_key = {person}
ORDER BY d.received_at, d.version
