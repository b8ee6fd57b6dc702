-- The figures of one row of `claims compare`, from `claims list --format jsonl`:
-- each source's latest figure of (whose losses, metric), one line per source.
-- Parameters: $file (the JSON Lines file), $event, $whose, $metric.
-- This is the plain case of the tool's rules (a source's latest statement
-- stands); withdrawals, sums of parts and relays are the tool's to weigh.
SELECT source, low, high
FROM read_json_auto($file, format = 'newline_delimited')
WHERE event = $event
  AND kind = 'figure'
  AND whose = $whose
  AND metric = $metric
  AND category IS NULL
  AND withdraws IS NULL
QUALIFY row_number() OVER (PARTITION BY source ORDER BY said_until DESC, said_from DESC) = 1
ORDER BY source;
