--liquibase formatted sql

--changeset kvali:074-former-organizers splitStatements:false rollbackSplitStatements:false
-- former_organizers: the organizations that ran an activity a person was removed from (a participation deleted, or
-- given another person or activity), or ran one of their activities before it changed hands. A partner's answers are
-- weighed by the people never known to it: read off the current participations alone, a partner that removed its
-- own people's participations made them strangers again, with the details its sheets had given them, wherever they
-- also took part (a review's). Kept by the triggers below, by the tables' owner, whoever removes (removeParticipation,
-- deleteActivity) or hands over (updateActivity): no caller's scope limits them. TRUNCATE, which
-- the service never runs, records nothing. The report index reads the column as a detail of the person, so its
-- changes are noted as theirs are.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

ALTER TABLE participant ADD COLUMN former_organizers bigint[] NOT NULL DEFAULT '{}'
    CHECK (array_position(former_organizers, NULL) IS NULL);
-- what is known of removals before: removeParticipation's (removed_participation keeps the digest of the reference)
-- and those of activities deleted since (deleted_person keeps their organizer), of the people still stored; people
-- removed with an activity deleted, or at an activity handed over, before this changeset are not known
UPDATE participant p SET former_organizers = g.gone
FROM (SELECT pt.id, array_agg(DISTINCT r.organizer_id ORDER BY r.organizer_id) AS gone
      FROM (SELECT x.ref_digest, a.organizer_id FROM removed_participation x JOIN activity a ON a.id = x.activity_id
            UNION ALL SELECT d.ref_digest, h FROM deleted_person d CROSS JOIN unnest(d.hosted_by) h) r
      JOIN participant pt ON sha256(convert_to(lower(pt.ref), 'UTF8')) = r.ref_digest
      WHERE r.organizer_id IS NOT NULL
      GROUP BY pt.id) g
WHERE p.id = g.id;

-- Each query is run by EXECUTE, planned for its statement: planned once for the session, a plan made for a one-row
-- statement joined a later large one's old and new rows in a nested loop (changeset 027), and one made for a large
-- statement scanned every participation for a later one-row update. An organization merged into another
-- (kvali.merging, its id, set for the transaction by OrganizationMerge) hands nothing over: its people are the
-- other's, and those it knew before are handed on by the merge itself.
CREATE FUNCTION note_former_organizers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    -- each person with an organizer they leave
    gone text := CASE
        WHEN TG_TABLE_NAME = 'activity' THEN
            'SELECT pn.participant_id, o.organizer_id FROM old_rows o JOIN new_rows n ON n.id = o.id
             JOIN participation pn ON pn.activity_id = o.id
             WHERE o.organizer_id IS DISTINCT FROM n.organizer_id
               AND o.organizer_id IS DISTINCT FROM CAST(nullif(current_setting(''kvali.merging'', true), '''') AS bigint)'
        WHEN TG_OP = 'DELETE' THEN
            'SELECT o.participant_id, a.organizer_id FROM old_rows o JOIN activity a ON a.id = o.activity_id'
        ELSE
            'SELECT o.participant_id, a.organizer_id FROM old_rows o JOIN new_rows n ON n.id = o.id
             JOIN activity a ON a.id = o.activity_id
             WHERE (n.participant_id, n.activity_id) <> (o.participant_id, o.activity_id)'
    END;
BEGIN
    EXECUTE format('UPDATE participant p
                    SET former_organizers = ARRAY(SELECT DISTINCT o FROM unnest(p.former_organizers || g.gone) o
                                                  ORDER BY o)
                    FROM (SELECT participant_id, array_agg(DISTINCT organizer_id) AS gone FROM (%s) x
                          WHERE organizer_id IS NOT NULL GROUP BY participant_id) g
                    WHERE p.id = g.participant_id AND NOT p.former_organizers @> g.gone', gone);
    RETURN NULL;
END;
$$;
REVOKE EXECUTE ON FUNCTION note_former_organizers() FROM PUBLIC;

CREATE TRIGGER participation_deleted_former AFTER DELETE ON participation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_former_organizers();
CREATE TRIGGER participation_moved_former AFTER UPDATE ON participation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_former_organizers();
CREATE TRIGGER activity_handed_over_former AFTER UPDATE ON activity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_former_organizers();

-- changed by the triggers above and by a merge alone: a partner's statement that would is refused, as its changes of
-- a reference are (changeset 025)
CREATE FUNCTION former_organizers_kept() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF current_user = 'kvali_app' AND kvali_scope() NOT IN ('ADMIN', 'SERVICE') THEN
        RAISE insufficient_privilege USING MESSAGE = 'A partner does not change whom participant ' || NEW.ref
            || ' was known to';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER participant_former_organizers_kept BEFORE UPDATE OF former_organizers ON participant
    FOR EACH ROW WHEN (OLD.former_organizers IS DISTINCT FROM NEW.former_organizers)
    EXECUTE FUNCTION former_organizers_kept();

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
--rollback DROP TRIGGER participant_former_organizers_kept ON participant;
--rollback DROP FUNCTION former_organizers_kept();
--rollback DROP TRIGGER activity_handed_over_former ON activity;
--rollback DROP TRIGGER participation_moved_former ON participation;
--rollback DROP TRIGGER participation_deleted_former ON participation;
--rollback DROP FUNCTION note_former_organizers();
--rollback ALTER TABLE participant DROP COLUMN former_organizers;
