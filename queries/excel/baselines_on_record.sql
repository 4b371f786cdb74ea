-- The items a unit has reported last year's closing value for (in the period closing
-- the year before $year, quarter or December): the template reminds it of the others.
SELECT DISTINCT c.item_code
FROM current_actuals c
JOIN v_periods b ON b.code = c.period_code
WHERE c.unit_code = $unit
  AND b.end_date = make_date(CAST($year AS INTEGER) - 1, 12, 31);
