--liquibase formatted sql

--changeset kvali:056-activity-corrected-by-admin
-- The fields of an activity an admin corrected (updateActivity): title, kind, start_date, end_date, venue. A partner's
-- sheet sent again as it was no longer changes them back (it is told so), as for a person an admin corrected.
ALTER TABLE activity ADD COLUMN admin_corrected text[] NOT NULL DEFAULT '{}';
--rollback ALTER TABLE activity DROP COLUMN admin_corrected;
