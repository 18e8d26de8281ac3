--liquibase formatted sql

--changeset kvali:074-former-organizers splitStatements:false rollbackSplitStatements:false
-- former_organizers: the organizations that ran an activity a person was removed from (a participation deleted, or
-- corrected to another person or activity), or ran one of their activities before it changed hands. A partner's
-- answers are weighed by the people never known to it: read off the current participations alone, a partner that
-- removed its own people's participations made them strangers again, with the details its sheets had given them,
-- wherever they also took part (a review's). Kept here for every way a participation goes (a sheet,
-- removeParticipation, deleteActivity, a correction, a move), by the tables' owner, so that no caller's scope limits
-- it; the report index reads it as a detail of the person, so its changes are noted as theirs are.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

ALTER TABLE participant ADD COLUMN former_organizers bigint[] NOT NULL DEFAULT '{}';
-- what removeParticipation recorded before (removed_participation keeps the digest of the reference); what else was
-- removed or moved before is not known
UPDATE participant p SET former_organizers = g.gone
FROM (SELECT pt.id, array_agg(DISTINCT a.organizer_id ORDER BY a.organizer_id) AS gone
      FROM removed_participation x JOIN activity a ON a.id = x.activity_id
      JOIN participant pt ON sha256(convert_to(lower(pt.ref), 'UTF8')) = x.ref_digest
      WHERE a.organizer_id IS NOT NULL
      GROUP BY pt.id) g
WHERE p.id = g.id;

CREATE FUNCTION note_former_organizers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_TABLE_NAME = 'activity' THEN
        -- the people of each activity whose organizer changed, its old one
        UPDATE participant p SET former_organizers = ARRAY(SELECT DISTINCT o FROM unnest(p.former_organizers || g.gone) o ORDER BY o)
        FROM (SELECT pn.participant_id, array_agg(DISTINCT o.organizer_id) AS gone
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              JOIN participation pn ON pn.activity_id = o.id
              WHERE o.organizer_id IS NOT NULL AND o.organizer_id IS DISTINCT FROM n.organizer_id
              GROUP BY pn.participant_id) g
        WHERE p.id = g.participant_id AND NOT p.former_organizers @> g.gone;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE participant p SET former_organizers = ARRAY(SELECT DISTINCT o FROM unnest(p.former_organizers || g.gone) o ORDER BY o)
        FROM (SELECT o.participant_id, array_agg(DISTINCT a.organizer_id) AS gone
              FROM old_rows o JOIN activity a ON a.id = o.activity_id
              WHERE a.organizer_id IS NOT NULL
              GROUP BY o.participant_id) g
        WHERE p.id = g.participant_id AND NOT p.former_organizers @> g.gone;
    ELSE
        -- a participation corrected to another person or activity: the person it was of, of the activity it was at
        UPDATE participant p SET former_organizers = ARRAY(SELECT DISTINCT o FROM unnest(p.former_organizers || g.gone) o ORDER BY o)
        FROM (SELECT o.participant_id, array_agg(DISTINCT a.organizer_id) AS gone
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              JOIN activity a ON a.id = o.activity_id
              WHERE a.organizer_id IS NOT NULL AND (n.participant_id, n.activity_id) <> (o.participant_id, o.activity_id)
              GROUP BY o.participant_id) g
        WHERE p.id = g.participant_id AND NOT p.former_organizers @> g.gone;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER participation_deleted_former AFTER DELETE ON participation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_former_organizers();
CREATE TRIGGER participation_moved_former AFTER UPDATE ON participation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_former_organizers();
CREATE TRIGGER activity_handed_over_former AFTER UPDATE ON activity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_former_organizers();

-- the report index reads the column (FactIndexLoader.PERSONS): its changes are noted with the others it reads
DROP TRIGGER participant_updated_noted ON participant;
CREATE TRIGGER participant_updated_noted AFTER UPDATE ON participant
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('home_municipality_code', 'organization_id', 'gender',
    'disability', 'birth_year', 'former_organizers');
--rollback DROP TRIGGER participant_updated_noted ON participant;
--rollback CREATE TRIGGER participant_updated_noted AFTER UPDATE ON participant
--rollback     REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
--rollback     FOR EACH STATEMENT EXECUTE FUNCTION note_updated('home_municipality_code', 'organization_id', 'gender',
--rollback     'disability', 'birth_year');
--rollback DROP TRIGGER activity_handed_over_former ON activity;
--rollback DROP TRIGGER participation_moved_former ON participation;
--rollback DROP TRIGGER participation_deleted_former ON participation;
--rollback DROP FUNCTION note_former_organizers();
--rollback ALTER TABLE participant DROP COLUMN former_organizers;
