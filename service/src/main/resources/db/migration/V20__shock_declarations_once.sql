-- Shock declarations are made one at a time: declaring or extending a shock first locks this row, so two
-- declarations over the same district and days racing each other cannot both pass the overlap check
-- (the second waits, then sees the first and is refused).
CREATE TABLE shock_declaration_lock (
    id  TINYINT NOT NULL PRIMARY KEY
);
INSERT INTO shock_declaration_lock (id) VALUES (1);

-- A household is named once per event (the kind of shock and the day it began), whatever declaration
-- names it: the same disaster entered twice cannot name a household twice for emergency assistance.
-- Rows stored before this migration keep NULL where an earlier declaration of the same event already
-- named the household, so the key can be added over them.
ALTER TABLE shock_household
    ADD COLUMN shock_kind      VARCHAR(40) NULL AFTER household_id,
    ADD COLUMN shock_starts_on DATE        NULL AFTER shock_kind;

UPDATE shock_household sh
    JOIN shock s ON s.id = sh.shock_id
    JOIN (SELECT x.household_id, y.kind, y.starts_on, MIN(x.shock_id) AS first_shock
            FROM shock_household x JOIN shock y ON y.id = x.shock_id
           GROUP BY x.household_id, y.kind, y.starts_on) f
      ON f.household_id = sh.household_id AND f.kind = s.kind AND f.starts_on = s.starts_on AND f.first_shock = sh.shock_id
    SET sh.shock_kind = s.kind, sh.shock_starts_on = s.starts_on;

ALTER TABLE shock_household
    ADD UNIQUE INDEX shock_household_once_per_event (household_id, shock_kind, shock_starts_on);
