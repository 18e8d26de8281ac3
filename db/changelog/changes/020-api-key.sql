--liquibase formatted sql

--changeset kvali:020-api-key
-- Keys for scripts and dashboards. Only the SHA-256 of a key's secret is kept; the secret is shown once, at creation.
-- A secret is 32 random bytes, so a plain hash suffices (there is nothing to guess, unlike a password).
CREATE TABLE api_key (
    id            uuid PRIMARY KEY,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role          text NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'DONOR', 'PARTNER')),
    secret_sha256 bytea NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    demo          boolean NOT NULL DEFAULT false,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);

-- The organizations a PARTNER key acts for.
CREATE TABLE api_key_organization (
    api_key_id      uuid NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization (id),
    PRIMARY KEY (api_key_id, organization_id)
);
--rollback DROP TABLE api_key_organization; DROP TABLE api_key;
