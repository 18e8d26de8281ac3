--liquibase formatted sql

--changeset kvali:050-programme-publisher
-- The organization publishing a programme's IATI activities: the reporting organization of each, and the code each
-- identifier begins with. It was the lead of the programme's first project (by code) that had one, and each project
-- was reported by its own lead: a new project, or a lead changed, gave the activities new identifiers, which a
-- donor's system takes for new activities. Set to what the programme's own activity was published as.
ALTER TABLE programme ADD COLUMN publisher_id bigint REFERENCES organization (id);
UPDATE programme g SET publisher_id = (SELECT p.lead_organization_id FROM project p
                                       WHERE p.programme_id = g.id AND p.lead_organization_id IS NOT NULL
                                       ORDER BY p.code LIMIT 1);
--rollback ALTER TABLE programme DROP COLUMN publisher_id;
