SELECT setval($sequence, $position);
