-- Synthetic reporting units (like communes), marked so the bench can find them.
INSERT INTO units (code, name, short_name, kind, parent_code, named_in_docs, note)
SELECT printf('TT%03d', i), printf('Đơn vị thử tải %03d', i), printf('ĐV thử %03d', i),
       'commune', NULL, FALSE, 'bench'
FROM range(1, $units + 1) AS t(i);
