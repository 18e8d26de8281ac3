--liquibase formatted sql

--changeset kvali:048-audit-subjects-whole
-- A mutation's entry was cut after 2,000 characters, so that a long argument first hid the fields after it (a
-- tester's: 10,000 characters of topics, then a removed participation). An entry now holds the whole request a
-- GraphQL body of 1 MB can make, and says so where a larger one is cut.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_subject_check;
-- NOT VALID: every stored subject holds 2,000 characters at most, and a check of them all would hold the table
ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_check CHECK (length(subject) <= 2000000) NOT VALID;
--rollback ALTER TABLE audit_event DROP CONSTRAINT audit_event_subject_check;
--rollback ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_check CHECK (length(subject) <= 2000) NOT VALID;
