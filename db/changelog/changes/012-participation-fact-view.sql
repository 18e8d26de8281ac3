--liquibase formatted sql

--changeset kvali:012-participation-fact-view
-- One row per participation with every dimension reporting groups or filters by. A plain view, so it is never stale.
-- region: the participant's home region, from the home municipality, else from their organization.
-- age_band: 0 under 18, 1 18-29, 2 30-44, 3 45-59, 4 60 and over, NULL unknown; age taken in the start year.
CREATE VIEW participation_fact AS
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
       ro.kind                                     AS organization_kind
FROM participation pn
JOIN activity a ON a.id = pn.activity_id
JOIN project pj ON pj.id = a.project_id
JOIN programme pg ON pg.id = pj.programme_id
JOIN participant pt ON pt.id = pn.participant_id
LEFT JOIN geo_unit vm ON vm.code = a.venue_municipality_code
LEFT JOIN geo_unit hm ON hm.code = pt.home_municipality_code
LEFT JOIN organization po ON po.id = pt.organization_id
LEFT JOIN geo_unit om ON om.code = po.municipality_code
LEFT JOIN organization ro ON ro.id = pn.organization_id;
--rollback DROP VIEW participation_fact;
