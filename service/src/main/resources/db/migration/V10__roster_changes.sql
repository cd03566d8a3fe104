-- Roster changes as requested: what is to change, why and on what evidence. The case that decides
-- the change runs beside it; the survey the change becomes, once applied, names the case. Personal
-- data (the new member, a mobile number, an address, the reason) stays here and out of the audit
-- trail, which keeps the SHA-256 of the change instead.
CREATE TABLE roster_change (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id            BIGINT        NULL,
    household_id       BIGINT        NOT NULL,
    kind               VARCHAR(20)   NOT NULL,
    member_line        INT           NULL,
    member_national_id CHAR(15)      NOT NULL,
    change_json        LONGTEXT      NOT NULL CHECK (JSON_VALID(change_json)),
    change_sha256      CHAR(64)      NOT NULL,
    reason             VARCHAR(500)  NOT NULL,
    evidence           VARCHAR(200)  NOT NULL,
    requested_by       VARCHAR(60)   NOT NULL,
    requested_at       TIMESTAMP(3)  NOT NULL,
    CONSTRAINT roster_change_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT roster_change_case FOREIGN KEY (case_id) REFERENCES workflow_case (id),
    UNIQUE INDEX roster_change_by_case (case_id),
    INDEX roster_change_by_household (household_id, requested_at)
);
-- The case is opened after the change is stored (its process reads the change), so the one update
-- a row allows is naming its case, once; what was requested never changes.
CREATE TRIGGER roster_change_names_its_case_once BEFORE UPDATE ON roster_change FOR EACH ROW
BEGIN
    IF OLD.case_id IS NOT NULL OR NEW.case_id IS NULL OR NEW.id <> OLD.id OR NEW.household_id <> OLD.household_id
            OR NEW.kind <> OLD.kind OR NOT (NEW.member_line <=> OLD.member_line)
            OR NEW.member_national_id <> OLD.member_national_id OR NEW.change_json <> OLD.change_json
            OR NEW.change_sha256 <> OLD.change_sha256 OR NEW.reason <> OLD.reason OR NEW.evidence <> OLD.evidence
            OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'roster_change is fixed once requested: only its case is named, once';
    END IF;
END;
CREATE TRIGGER roster_change_no_delete BEFORE DELETE ON roster_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'roster_change is kept: a requested change is evidence of its case';
