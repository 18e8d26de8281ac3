--liquibase formatted sql

--changeset kvali:014-attendance-import
-- Every attempt to load an attendance sheet, kept with its report: stored, checked in a dry run, or rejected.
CREATE TABLE attendance_import (
    id           uuid PRIMARY KEY,
    status       text NOT NULL CHECK (status IN ('IMPORTED', 'VALIDATED', 'REJECTED')),
    dry_run      boolean NOT NULL,
    file_sha256  text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    content_type text NOT NULL,
    imported_by  text NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    rows         integer NOT NULL CHECK (rows >= 0),
    report       jsonb NOT NULL
);
CREATE INDEX attendance_import_at_idx ON attendance_import (imported_at DESC, id);
--rollback DROP TABLE attendance_import;
