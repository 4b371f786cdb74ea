-- The highest storage block a table's data sit in (-1: none on disk yet).
SELECT coalesce(max(block_id), -1) AS last_block
FROM pragma_storage_info($table)
WHERE block_id >= 0;
