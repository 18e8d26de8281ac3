--liquibase formatted sql

--changeset kvali:070-partners-correct-their-own-peoples-gender splitStatements:false rollbackSplitStatements:false
-- A partner corrects the gender of its own participant (correctParticipant), as 058 lets it correct their other
-- details: a partner could not mend a gender it had mistyped. Its sheets still change no one's gender, so the change
-- is let through only within that correction, of that one person, who names themselves in kvali.correcting for the
-- transaction; and not of a gender an admin corrected, as for the other details.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;
CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    refused text;
BEGIN
    -- the service's own statements; a rule of the schema's own runs as the tables' owner
    IF kvali_scope() <> 'PARTNER' OR current_user <> 'kvali_app' THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(o.ref, n.ref) INTO refused FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
    WHERE (n.ref, n.admin_corrected) IS DISTINCT FROM (o.ref, o.admin_corrected)
       OR n.gender IS DISTINCT FROM o.gender
          AND n.id::text IS DISTINCT FROM current_setting('kvali.correcting', true)
    LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
            || refused;
    END IF;
    SELECT o.ref INTO refused FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE 'gender' = ANY (o.admin_corrected) AND n.gender IS DISTINCT FROM o.gender
       OR 'birth_year' = ANY (o.admin_corrected) AND n.birth_year IS DISTINCT FROM o.birth_year
       OR 'disability' = ANY (o.admin_corrected) AND n.disability IS DISTINCT FROM o.disability
       OR 'home_municipality' = ANY (o.admin_corrected)
          AND n.home_municipality_code IS DISTINCT FROM o.home_municipality_code
       OR 'organization' = ANY (o.admin_corrected) AND n.organization_id IS DISTINCT FROM o.organization_id
    LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
            || ' was corrected by an admin; only an admin changes what an admin corrected';
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
--rollback     -- the service's own statements; a rule of the schema's own runs as the tables' owner
--rollback     IF kvali_scope() <> 'PARTNER' OR current_user <> 'kvali_app' THEN
--rollback         RETURN NULL;
--rollback     END IF;
--rollback     SELECT coalesce(o.ref, n.ref) INTO refused FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
--rollback     WHERE (n.ref, n.gender, n.admin_corrected) IS DISTINCT FROM (o.ref, o.gender, o.admin_corrected) LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
--rollback             || refused;
--rollback     END IF;
--rollback     SELECT o.ref INTO refused FROM old_rows o JOIN new_rows n ON n.id = o.id
--rollback     WHERE 'birth_year' = ANY (o.admin_corrected) AND n.birth_year IS DISTINCT FROM o.birth_year
--rollback        OR 'disability' = ANY (o.admin_corrected) AND n.disability IS DISTINCT FROM o.disability
--rollback        OR 'home_municipality' = ANY (o.admin_corrected)
--rollback           AND n.home_municipality_code IS DISTINCT FROM o.home_municipality_code
--rollback        OR 'organization' = ANY (o.admin_corrected) AND n.organization_id IS DISTINCT FROM o.organization_id
--rollback     LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
--rollback             || ' was corrected by an admin; only an admin changes what an admin corrected';
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
