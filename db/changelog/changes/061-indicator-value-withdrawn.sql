--liquibase formatted sql

--changeset kvali:061-indicator-value-withdrawn
-- A reported value withdrawn (withdrawIndicatorValue): its period counts for nothing, as if never reported, and the
-- value it withdrew stays in the history. A 0 could withdraw a period only beside another it overlapped; elsewhere a
-- 0 is a value, and a level or a percentage of 0 took the place of the one withdrawn. No value before is withdrawn.
ALTER TABLE indicator_value ADD COLUMN withdrawn boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT indicator_value_withdrawn_zero CHECK (NOT withdrawn OR value = 0);
-- (Rolled back, withdrawals become plain 0s, which a level reads as 0: go back by a backup taken before instead.)
--rollback ALTER TABLE indicator_value DROP COLUMN withdrawn;
