-- A household is told more than once per due cycle: that an update falls due (DUE), and for a recertification that
-- its benefit will be suspended unless it is re-surveyed (SUSPENSION_WARNING). Each kind once per household, update
-- type and cycle (the last survey date the window counts from): the due-date sweep inserts here before it notifies,
-- so running it twice, or restarting it, tells nobody twice.
ALTER TABLE update_due_notice
    ADD COLUMN kind VARCHAR(30) NOT NULL DEFAULT 'DUE' AFTER update_type,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (household_id, update_type, kind, last_surveyed_on);
