--liquibase formatted sql

--changeset kvali:056-activity-corrected-by-admin
-- An activity whose title, kind, dates or venue an admin corrected (updateActivity) keeps what the admin gave: a
-- partner's sheet sent again as it was no longer changes them back (it is told so), as for a person an admin corrected.
ALTER TABLE activity ADD COLUMN corrected_by_admin boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE activity DROP COLUMN corrected_by_admin;
