--liquibase formatted sql

--changeset kvali:068-correction-values-out-of-the-audit-log
-- The audit log keeps which fields a correction of a person set, not their values (MutationAudit): the entries of
-- corrections made before kept the birth year, disability and municipality given, beside the reference they were
-- given for, after that person's erasure too. Their input is written so now; where a correction took a variable,
-- every variable of its entry is left out, not being known to be another's.
UPDATE audit_event
SET subject = regexp_replace(subject, '(correctParticipant\([^)]*?input:)\{[^}]*\}', '\1{(not kept)}', 'g')
WHERE action = 'mutation' AND subject ~ 'correctParticipant\([^)]*?input:\{';
UPDATE audit_event
SET subject = regexp_replace(subject, ' variables \{.*\}', ' variables {(not kept)}')
WHERE action = 'mutation' AND subject ~ 'correctParticipant\([^)]*\$';
--rollback SELECT 1;
