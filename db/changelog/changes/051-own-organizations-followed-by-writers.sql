--liquibase formatted sql

--changeset kvali:051-own-organizations-followed-by-writers splitStatements:false rollbackSplitStatements:false
-- The function of changeset 049 runs as the tables' owner: only the service's role may call it, and only for a caller
-- who writes (an admin, a partner, the service itself), so that a read-only path that called it by mistake is refused
-- as row-level security would refuse its own update. A person whose remaining participations name no organization
-- has none of their own (they kept the removed row's, and its region). A person an admin corrected follows too (an
-- admin's correction of the organization is written to their participations at the one it replaces, and a
-- correction of another field kept the organization of a removed row).
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;
CREATE OR REPLACE FUNCTION own_organizations_followed(persons bigint[]) RETURNS integer LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed integer;
BEGIN
    IF kvali_scope() NOT IN ('ADMIN', 'PARTNER', 'SERVICE') THEN
        RAISE insufficient_privilege USING MESSAGE = 'Only a change by an admin or a partner moves people''s own '
            || 'organizations';
    END IF;
    UPDATE participant p SET organization_id = latest.organization_id
    FROM (SELECT DISTINCT ON (pn.participant_id) pn.participant_id, pn.organization_id
          FROM participation pn JOIN activity a ON a.id = pn.activity_id
          WHERE pn.participant_id = ANY (persons)
          ORDER BY pn.participant_id, pn.organization_id IS NULL, a.start_date DESC, a.code COLLATE "C" DESC) latest
    WHERE p.id = latest.participant_id AND p.organization_id IS DISTINCT FROM latest.organization_id;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END;
$$;
REVOKE ALL ON FUNCTION own_organizations_followed(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION own_organizations_followed(bigint[]) TO kvali_app;
--rollback GRANT EXECUTE ON FUNCTION own_organizations_followed(bigint[]) TO PUBLIC;
--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback CREATE OR REPLACE FUNCTION own_organizations_followed(persons bigint[]) RETURNS integer LANGUAGE plpgsql
--rollback     SECURITY DEFINER SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     changed integer;
--rollback BEGIN
--rollback     UPDATE participant p SET organization_id = latest.organization_id
--rollback     FROM (SELECT DISTINCT ON (pn.participant_id) pn.participant_id, pn.organization_id
--rollback           FROM participation pn JOIN activity a ON a.id = pn.activity_id
--rollback           WHERE pn.participant_id = ANY (persons) AND pn.organization_id IS NOT NULL
--rollback           ORDER BY pn.participant_id, a.start_date DESC, a.code COLLATE "C" DESC) latest
--rollback     WHERE p.id = latest.participant_id AND NOT p.corrected_by_admin
--rollback       AND p.organization_id IS DISTINCT FROM latest.organization_id;
--rollback     GET DIAGNOSTICS changed = ROW_COUNT;
--rollback     RETURN changed;
--rollback END;
--rollback $$;
