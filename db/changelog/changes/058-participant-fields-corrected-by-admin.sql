--liquibase formatted sql

--changeset kvali:058-participant-fields-corrected-by-admin splitStatements:false rollbackSplitStatements:false
-- The details of a person an admin corrected (correctParticipant), each on its own: gender, birth_year, disability,
-- home_municipality, organization. A partner's sheet keeps those, as before, and now compares and changes the others
-- as for anyone it hosted alone: one correction of a gender kept every detail from the partner for good (a tester's).
-- A person corrected before names every detail, as all were kept.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;
ALTER TABLE participant ADD COLUMN admin_corrected text[] NOT NULL DEFAULT '{}'
    CHECK (admin_corrected <@ '{gender,birth_year,disability,home_municipality,organization}');
UPDATE participant SET admin_corrected = '{gender,birth_year,disability,home_municipality,organization}'
WHERE corrected_by_admin;
CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    refused text;
BEGIN
    -- the service's own statements; a rule of the schema's own runs as the tables' owner
    IF kvali_scope() <> 'PARTNER' OR current_user <> 'kvali_app' THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(o.ref, n.ref) INTO refused FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
    WHERE (n.ref, n.gender, n.admin_corrected) IS DISTINCT FROM (o.ref, o.gender, o.admin_corrected) LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
            || refused;
    END IF;
    SELECT o.ref INTO refused FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE 'birth_year' = ANY (o.admin_corrected) AND n.birth_year IS DISTINCT FROM o.birth_year
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
ALTER TABLE participant DROP COLUMN corrected_by_admin;

--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback ALTER TABLE participant ADD COLUMN corrected_by_admin boolean NOT NULL DEFAULT false;
--rollback UPDATE participant SET corrected_by_admin = true WHERE admin_corrected <> '{}';
--rollback CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     refused text;
--rollback BEGIN
--rollback     IF kvali_scope() <> 'PARTNER' OR current_user <> 'kvali_app' THEN
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
--rollback ALTER TABLE participant DROP COLUMN admin_corrected;
