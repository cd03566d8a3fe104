-- Every read of a household's personal data by a person: who, which record, through which endpoint, when,
-- and whether the personal data was shown or redacted (docs/auditor-guide.md, "Reads of personal data").
-- Append-only: a row can be neither changed nor removed (see the triggers below).
CREATE TABLE personal_data_read (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    read_at       TIMESTAMP(3) NOT NULL,
    username      VARCHAR(60)  NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    record_kind   VARCHAR(30)  NOT NULL,
    record_id     BIGINT       NOT NULL,
    household_id  BIGINT,
    endpoint      VARCHAR(200) NOT NULL,
    personal_data VARCHAR(10)  NOT NULL,
    CONSTRAINT personal_data_read_shown CHECK (personal_data IN ('SHOWN', 'REDACTED')),
    INDEX personal_data_read_user (username, read_at),
    INDEX personal_data_read_household (household_id, read_at),
    INDEX personal_data_read_time (read_at)
);

CREATE TRIGGER personal_data_read_no_update BEFORE UPDATE ON personal_data_read FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'personal_data_read is append-only: a recorded read cannot be changed';
CREATE TRIGGER personal_data_read_no_delete BEFORE DELETE ON personal_data_read FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'personal_data_read is append-only: a recorded read cannot be removed';
