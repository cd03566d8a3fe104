-- The households a declared shock found in its areas: one row each, with the re-survey priority the
-- Shock response table gave it and the case opened for it, or the open shock case it was already in
-- (then no second one is opened). After the re-survey: the survey, the new score and the emergency
-- assistance the table named (NULL: none).
CREATE TABLE shock_household (
    shock_id                   BIGINT        NOT NULL,
    household_id               BIGINT        NOT NULL,
    score_before               INT           NOT NULL,
    priority                   INT           NULL,
    priority_rule              VARCHAR(300)  NULL,
    priority_policy_version    INT           NOT NULL,
    case_id                    BIGINT        NULL,
    open_case_id               BIGINT        NULL,
    survey_id                  BIGINT        NULL,
    score_after                INT           NULL,
    assistance_pkr             BIGINT        NULL,
    assistance_rule            VARCHAR(300)  NULL,
    assistance_policy_version  INT           NULL,
    PRIMARY KEY (shock_id, household_id),
    CONSTRAINT shock_household_shock FOREIGN KEY (shock_id) REFERENCES shock (id),
    CONSTRAINT shock_household_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT shock_household_case FOREIGN KEY (case_id) REFERENCES workflow_case (id),
    CONSTRAINT shock_household_open_case FOREIGN KEY (open_case_id) REFERENCES workflow_case (id),
    CONSTRAINT shock_household_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    UNIQUE INDEX shock_household_by_case (case_id),
    UNIQUE INDEX shock_household_by_survey (survey_id),
    INDEX shock_household_order (shock_id, priority, score_before, household_id)
);
