UPDATE schema_definitions SET checksum = $checksum;
