--liquibase formatted sql

--changeset kvali:045-partners-add-no-funders
-- A partner's sheet adds civil-society organizations, activist groups, municipalities and others; a donor, an
-- implementer or a partner is an admin's to add. The service refuses such a row; the database holds it too.
DROP POLICY partner_adds ON organization;
CREATE POLICY partner_adds ON organization FOR INSERT
    WITH CHECK (kvali_scope() = 'PARTNER' AND kind NOT IN ('DONOR', 'IMPLEMENTER', 'PARTNER'));
--rollback DROP POLICY partner_adds ON organization; CREATE POLICY partner_adds ON organization FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER');
