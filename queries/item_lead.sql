-- One item's lead unit as it stands, and whether it is an assumption.
SELECT code, item_type, lead_unit, lead_assumed FROM v_items WHERE code = $item;
