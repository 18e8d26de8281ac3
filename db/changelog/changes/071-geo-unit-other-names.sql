--liquibase formatted sql

--changeset kvali:071-geo-unit-other-names
-- Other names people give regions and municipalities by, beside the English and Georgian ones geo_unit keeps: other
-- spellings (Ajara for Adjara), the English of a name (Lower Kartli), a short one (Samegrelo), and a settlement's for
-- the municipality it lies in (Bakuriani, Borjomi's). Sheets, filters and lookups read a place by them as by its
-- names. Reference data as geo_unit is: everyone reads it, an admin's changesets write it.
CREATE TABLE geo_unit_name (
    code text NOT NULL REFERENCES geo_unit (code),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (code, name)
);
ALTER TABLE geo_unit_name ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON geo_unit_name FOR SELECT USING (true);
CREATE POLICY admin_writes ON geo_unit_name USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
--rollback DROP TABLE geo_unit_name;
