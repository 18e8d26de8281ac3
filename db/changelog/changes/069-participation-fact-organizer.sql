--liquibase formatted sql

--changeset kvali:069-participation-fact-organizer
-- organizer_code: the code of the organization running the activity (its organizer), NULL where none is named, for
-- breakdowns by organizer. The view is as 062 made it with this column after the others; an unused organizer's join
-- is left out by the planner (organization.id is unique), so counts that do not group by it read as before.
CREATE OR REPLACE VIEW participation_fact AS
SELECT pn.id                                       AS participation_id,
       pn.participant_id,
       pn.activity_id,
       pn.organization_id,
       pn.role,
       a.code                                      AS activity_code,
       a.kind                                      AS activity_kind,
       a.start_date,
       pj.code                                     AS project_code,
       pg.code                                     AS programme_code,
       a.venue_municipality_code                   AS venue_municipality,
       vm.parent_code                              AS venue_region,
       pt.home_municipality_code                   AS municipality,
       coalesce(hm.parent_code, om.parent_code, po.region_code) AS region,
       pt.gender,
       pt.disability,
       CASE
           WHEN pt.birth_year IS NULL THEN NULL
           WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 18 THEN 0
           WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 30 THEN 1
           WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 45 THEN 2
           WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 60 THEN 3
           ELSE 4
       END                                         AS age_band,
       ro.code                                     AS organization_code,
       ro.kind                                     AS organization_kind,
       extract(YEAR FROM a.start_date)::int - pt.birth_year AS age,
       oa.code                                     AS organizer_code
FROM participation pn
JOIN activity a ON a.id = pn.activity_id
JOIN project pj ON pj.id = a.project_id
JOIN programme pg ON pg.id = pj.programme_id
JOIN participant pt ON pt.id = pn.participant_id
LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code
LEFT JOIN geo_unit hm ON hm.code = pt.home_municipality_code
LEFT JOIN organization po ON po.id = pt.organization_id
LEFT JOIN geo_unit om ON om.code = po.municipality_code
LEFT JOIN organization ro ON ro.id = pn.organization_id
LEFT JOIN organization oa ON oa.id = a.organizer_id;
--rollback DROP VIEW participation_fact;
--rollback CREATE VIEW participation_fact AS
--rollback SELECT pn.id                                       AS participation_id,
--rollback        pn.participant_id,
--rollback        pn.activity_id,
--rollback        pn.organization_id,
--rollback        pn.role,
--rollback        a.code                                      AS activity_code,
--rollback        a.kind                                      AS activity_kind,
--rollback        a.start_date,
--rollback        pj.code                                     AS project_code,
--rollback        pg.code                                     AS programme_code,
--rollback        a.venue_municipality_code                   AS venue_municipality,
--rollback        vm.parent_code                              AS venue_region,
--rollback        pt.home_municipality_code                   AS municipality,
--rollback        coalesce(hm.parent_code, om.parent_code, po.region_code) AS region,
--rollback        pt.gender,
--rollback        pt.disability,
--rollback        CASE
--rollback            WHEN pt.birth_year IS NULL THEN NULL
--rollback            WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 18 THEN 0
--rollback            WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 30 THEN 1
--rollback            WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 45 THEN 2
--rollback            WHEN extract(YEAR FROM a.start_date)::int - pt.birth_year < 60 THEN 3
--rollback            ELSE 4
--rollback        END                                         AS age_band,
--rollback        ro.code                                     AS organization_code,
--rollback        ro.kind                                     AS organization_kind,
--rollback        extract(YEAR FROM a.start_date)::int - pt.birth_year AS age
--rollback FROM participation pn
--rollback JOIN activity a ON a.id = pn.activity_id
--rollback JOIN project pj ON pj.id = a.project_id
--rollback JOIN programme pg ON pg.id = pj.programme_id
--rollback JOIN participant pt ON pt.id = pn.participant_id
--rollback LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code
--rollback LEFT JOIN geo_unit hm ON hm.code = pt.home_municipality_code
--rollback LEFT JOIN organization po ON po.id = pt.organization_id
--rollback LEFT JOIN geo_unit om ON om.code = po.municipality_code
--rollback LEFT JOIN organization ro ON ro.id = pn.organization_id;
