-- Tokens of the registration centres: one per missed-out household in the queue, numbered per site and
-- day, each the start of a registration case. The survey waits here (not in the process state) until the
-- registry stores it or the case closes without it, so that personal data sits in one place and is
-- removed when it is no longer needed.
CREATE TABLE registration_token (
    case_id        BIGINT       NOT NULL PRIMARY KEY,
    site_id        VARCHAR(60)  NOT NULL,
    issued_on      DATE         NOT NULL,
    number         INT          NOT NULL,
    issued_by      VARCHAR(60)  NOT NULL,
    issued_at      TIMESTAMP(3) NOT NULL,
    household_id   BIGINT       NULL,
    pending_survey LONGTEXT     NULL,
    CONSTRAINT registration_token_case FOREIGN KEY (case_id) REFERENCES workflow_case (id),
    CONSTRAINT registration_token_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT registration_token_number UNIQUE (site_id, issued_on, number)
);

-- The last token number given at a site on a day; one row locked per issue, so two operators at the
-- same site never draw the same number.
CREATE TABLE registration_site_day (
    site_id     VARCHAR(60) NOT NULL,
    issued_on   DATE        NOT NULL,
    last_number INT         NOT NULL,
    PRIMARY KEY (site_id, issued_on)
);
