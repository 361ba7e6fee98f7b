-- CTDL identifiers (CTIDs) for the nodes the catalog exports to, and imports from, the Credential
-- Registry: one per provider, program and exam format, assigned once and never changed, so a
-- partner's registry record keeps pointing at the same catalog row across exports. Imported rows
-- keep the CTID their record carries (the application writes it); every other row gets a fresh
-- one here, including rows loaded with plain SQL. The column is ctdl_id because PostgreSQL
-- reserves ctid for its own tuple identifier. Stored lower-case: the Registry prints the same
-- CTID upper-case under /graph/ and lower-case under /resources/, and both must match one row.

ALTER TABLE provider ADD COLUMN ctdl_id text NOT NULL DEFAULT ('ce-' || gen_random_uuid());
ALTER TABLE program ADD COLUMN ctdl_id text NOT NULL DEFAULT ('ce-' || gen_random_uuid());
ALTER TABLE exam_format ADD COLUMN ctdl_id text NOT NULL DEFAULT ('ce-' || gen_random_uuid());

ALTER TABLE provider ADD CONSTRAINT provider_ctdl_id_format
  CHECK (ctdl_id ~ '^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
ALTER TABLE program ADD CONSTRAINT program_ctdl_id_format
  CHECK (ctdl_id ~ '^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
ALTER TABLE exam_format ADD CONSTRAINT exam_format_ctdl_id_format
  CHECK (ctdl_id ~ '^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');

ALTER TABLE provider ADD CONSTRAINT provider_ctdl_id_key UNIQUE (ctdl_id);
ALTER TABLE program ADD CONSTRAINT program_ctdl_id_key UNIQUE (ctdl_id);
ALTER TABLE exam_format ADD CONSTRAINT exam_format_ctdl_id_key UNIQUE (ctdl_id);
