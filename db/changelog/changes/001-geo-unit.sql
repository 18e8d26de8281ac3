--liquibase formatted sql

--changeset kvali:001-geo-unit
CREATE TABLE geo_unit (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}(-[A-Z0-9]+)*$'),
    parent_code text REFERENCES geo_unit (code),
    level       text NOT NULL CHECK (level IN ('COUNTRY', 'REGION', 'MUNICIPALITY')),
    name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ka     text NOT NULL CHECK (length(name_ka) BETWEEN 1 AND 200),
    CHECK ((level = 'COUNTRY') = (parent_code IS NULL))
);
CREATE INDEX geo_unit_parent_idx ON geo_unit (parent_code);
--rollback DROP TABLE geo_unit;
