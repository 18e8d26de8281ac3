--liquibase formatted sql

--changeset kvali:067-application-role-in-its-schema splitStatements:false rollbackSplitStatements:false
-- The rights of kvali_app that changeset 022 granted were in the schema public alone: a database whose tables lie in
-- a schema of the owner's (a URL's currentSchema) was migrated, and every request then failed, the tables out of
-- kvali_app's reach (a review's). The same rights in the schema the changesets write to where it is another, as 022
-- and 026 leave them (the notes of changes are written by their triggers alone).
DO $$
BEGIN
    IF current_schema() <> 'public' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO kvali_app', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO kvali_app',
                       current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO kvali_app', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES'
                       ' TO kvali_app', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO kvali_app',
                       current_schema());
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I.fact_change FROM kvali_app', current_schema());
    END IF;
END
$$;
--rollback DO $$
--rollback BEGIN
--rollback     IF current_schema() <> 'public' THEN
--rollback         EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE USAGE, SELECT ON SEQUENCES FROM kvali_app',
--rollback                        current_schema());
--rollback         EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES'
--rollback                        ' FROM kvali_app', current_schema());
--rollback         EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM kvali_app', current_schema());
--rollback     END IF;
--rollback END
--rollback $$;
