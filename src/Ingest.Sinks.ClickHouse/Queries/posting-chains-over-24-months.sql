-- title: Workers posted in a chain for more than 24 months (PER-03)
-- description: Per person and first employer id, current A009 postings to France chained with gaps
--   under 2 calendar months (a posting starting less than 2 months after the latest end before it, as
--   the engine's PER-03 counts) whose chain runs for more than 24 months from its first start to its
--   last end (the end on or after start + 24 months, both end days counted), across postings with two
--   or more start dates (an amended decision is not a second posting). Successive A1s that add up past
--   the Art. 12 limit without an Art. 16 agreement; a single posting that long is PER-02
--   (postings-over-24-months).
-- param: min_months UInt 24 chain length in months above which a chain is listed
-- param: limit UInt 1000 rows at most
SELECT person_key, family_name, forename, employer,
       length(arrayDistinct(arrayMap(x -> tupleElement(x, 1), chain))) AS postings,
       tupleElement(chain[1], 1) AS first_start,
       arrayReduce('max', arrayMap(x -> tupleElement(x, 2), chain)) AS last_end,
       dateDiff('day', first_start, last_end) + 1 AS chain_days
FROM
(
    SELECT person_key, family_name, forename, employer, arrayFilter((x, k) -> k = c, periods, chain_ids) AS chain
    FROM
    (
        SELECT person_key, any(family_name) AS family_name, any(forename) AS forename, employer,
               arraySort(x -> (tupleElement(x, 1), tupleElement(x, 2)), groupArray((period_start, period_end))) AS periods,
               -- A new chain starts where a posting begins 2 months or more after the latest end before it
               -- (not the previous one's in start order: a long posting may contain shorter ones).
               arrayCumSum(arrayMap(i -> if(i = 1 OR tupleElement(periods[i], 1) >= addMonths(arrayReduce('max', arrayMap(x -> tupleElement(x, 2), arraySlice(periods, 1, i - 1))), 2), 1, 0),
                                    arrayEnumerate(periods))) AS chain_ids
        FROM
        (
            SELECT person_key, family_name, forename, if(empty(employer_ids), '', employer_ids[1]) AS employer, period_start, period_end
            FROM {db}.sed_current
            WHERE sed_type = 'A009' AND invalidated = 0 AND person_key != '' AND period_end > period_start
        )
        GROUP BY person_key, employer
    )
    ARRAY JOIN arrayDistinct(chain_ids) AS c
)
WHERE postings >= 2 AND last_end >= addMonths(first_start, {min_months})
ORDER BY chain_days DESC
LIMIT {limit}
