--liquibase formatted sql

--changeset kvali:039-corrected-by-admin splitStatements:false rollbackSplitStatements:false
-- A person an admin corrected (correctParticipant) keeps what the admin gave: a partner's sheet, sent again as it
-- was, neither compares their details with it nor changes them, as for a person other organizations hosted too, and
-- PostgreSQL refuses a partner's change of them.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;
ALTER TABLE participant ADD COLUMN corrected_by_admin boolean NOT NULL DEFAULT false;
CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    refused text;
BEGIN
    IF kvali_scope() <> 'PARTNER' THEN
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
--rollback     WHERE (n.ref, n.gender) IS DISTINCT FROM (o.ref, o.gender) LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
--rollback             || refused;
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
--rollback
--rollback ALTER TABLE participant DROP COLUMN corrected_by_admin;
