--liquibase formatted sql

--changeset kvali:037-partners-remove-people-recorded-by-mistake
-- A partner removing a participation recorded by mistake removes the person too when they took part in nothing
-- else: kept, they would belong to no organization, and another partner's sheet could compare and change them.
CREATE POLICY partner_removes_unrecorded ON participant FOR DELETE USING (kvali_scope() = 'PARTNER'
    AND NOT EXISTS (SELECT 1 FROM participation pn WHERE pn.participant_id = participant.id));
--rollback DROP POLICY partner_removes_unrecorded ON participant;
