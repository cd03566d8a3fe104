-- A beneficiary not re-surveyed within the recertification grace period (Deadlines table) has its
-- benefit suspended until the re-survey: one row per suspension, from the day the period ran out.
-- The recertification case ends it: lifted_at is when, outcome is CONTINUED (the payments resume) or
-- EXITED (the household left the programme; nothing resumes).
CREATE TABLE benefit_suspension (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id   BIGINT        NOT NULL,
    case_id        BIGINT        NOT NULL,
    suspended_from DATE          NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    suspended_at   TIMESTAMP(3)  NOT NULL,
    lifted_at      TIMESTAMP(3)  NULL,
    outcome        VARCHAR(16)   NULL,
    CONSTRAINT benefit_suspension_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT benefit_suspension_case FOREIGN KEY (case_id) REFERENCES workflow_case (id),
    INDEX benefit_suspension_by_household (household_id, lifted_at)
);

-- The daily recertification sweep selects households by the date of their last survey.
CREATE INDEX household_by_last_survey ON household (last_surveyed_on);
