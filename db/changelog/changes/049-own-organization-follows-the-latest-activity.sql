--liquibase formatted sql

--changeset kvali:049-own-organization-follows-the-latest-activity splitStatements:false rollbackSplitStatements:false
-- A person's own organization is the one they represented at their latest activity (by start, then code), and with
-- it their region when no home municipality is known. A sheet keeps it so as it writes; when a participation is
-- removed or an activity moved, the service asks this function to set it again for the people concerned (it stayed
-- as it was: a person whose mistaken row was removed kept the region of that row's organization). The rule is the
-- schema's, not a correction by the caller: the function runs as the tables' owner, and a partner's change of a
-- person who took part elsewhere too is refused only when the service itself makes it. People an admin corrected
-- keep what the admin gave.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;
CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    refused text;
BEGIN
    -- the service's own statements; a rule of the schema's own (below) runs as the tables' owner
    IF kvali_scope() <> 'PARTNER' OR current_user <> 'kvali_app' THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(o.ref, n.ref) INTO refused FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
    WHERE (n.ref, n.gender, n.corrected_by_admin) IS DISTINCT FROM (o.ref, o.gender, o.corrected_by_admin) LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
            || refused;
    END IF;
    SELECT o.ref INTO refused FROM old_rows o WHERE o.corrected_by_admin LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
            || ' was corrected by an admin; only an admin corrects them';
    END IF;
    SELECT n.ref INTO refused FROM new_rows n
    JOIN participation pn ON pn.participant_id = n.id JOIN activity a ON a.id = pn.activity_id
    WHERE a.organizer_id IS NULL OR a.organizer_id <> ALL (kvali_organizations()) LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
            || ' took part in another organization''s activity; only an admin corrects them';
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION own_organizations_followed(persons bigint[]) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
DECLARE
    changed integer;
BEGIN
    UPDATE participant p SET organization_id = latest.organization_id
    FROM (SELECT DISTINCT ON (pn.participant_id) pn.participant_id, pn.organization_id
          FROM participation pn JOIN activity a ON a.id = pn.activity_id
          WHERE pn.participant_id = ANY (persons) AND pn.organization_id IS NOT NULL
          ORDER BY pn.participant_id, a.start_date DESC, a.code COLLATE "C" DESC) latest
    WHERE p.id = latest.participant_id AND NOT p.corrected_by_admin
      AND p.organization_id IS DISTINCT FROM latest.organization_id;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END;
$$;
--rollback DROP FUNCTION own_organizations_followed(bigint[]);
--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     refused text;
--rollback BEGIN
--rollback     IF kvali_scope() <> 'PARTNER' THEN
--rollback         RETURN NULL;
--rollback     END IF;
--rollback     SELECT coalesce(o.ref, n.ref) INTO refused FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
--rollback     WHERE (n.ref, n.gender, n.corrected_by_admin) IS DISTINCT FROM (o.ref, o.gender, o.corrected_by_admin) LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
--rollback             || refused;
--rollback     END IF;
--rollback     SELECT o.ref INTO refused FROM old_rows o WHERE o.corrected_by_admin LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
--rollback             || ' was corrected by an admin; only an admin corrects them';
--rollback     END IF;
--rollback     SELECT n.ref INTO refused FROM new_rows n
--rollback     JOIN participation pn ON pn.participant_id = n.id JOIN activity a ON a.id = pn.activity_id
--rollback     WHERE a.organizer_id IS NULL OR a.organizer_id <> ALL (kvali_organizations()) LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
--rollback             || ' took part in another organization''s activity; only an admin corrects them';
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
