-- Degrees as a credential type: Credential Registry records of degrees (ceterms:BachelorDegree,
-- BachelorOfScienceDegree, …) import as programs instead of being refused (README "CTDL import").
ALTER TABLE program DROP CONSTRAINT program_type_valid;
ALTER TABLE program ADD CONSTRAINT program_type_valid CHECK (credential_type IN ('CERTIFICATION',
    'CERTIFICATE', 'MICRO_CREDENTIAL', 'ORGANIZATIONAL_CERTIFICATION', 'DEGREE'));
