-- The registry schema. Ids of the large tables come from sequences (not IDENTITY) so that
-- bulk work can batch its inserts; each sequence hands out blocks of 50 to Hibernate.

CREATE SEQUENCE household_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE member_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE survey_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE decision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE household (
    id             BIGINT       NOT NULL PRIMARY KEY,
    province       VARCHAR(32)  NOT NULL,
    district       VARCHAR(80)  NOT NULL,
    tehsil         VARCHAR(80)  NOT NULL,
    union_council  VARCHAR(80)  NOT NULL,
    address        VARCHAR(500) NOT NULL,
    latitude       DECIMAL(9,6),
    longitude      DECIMAL(9,6),
    mobile         VARCHAR(20),
    registered_at  TIMESTAMP(3) NOT NULL,
    last_surveyed_on DATE       NOT NULL,
    latest_survey_id BIGINT,
    version        INT          NOT NULL DEFAULT 0,
    INDEX household_district (province, district)
);

-- The current roster: one row per person, so a national id can belong to one household only.
CREATE TABLE household_member (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    household_id          BIGINT       NOT NULL,
    national_id           CHAR(15)     NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    relation              VARCHAR(32)  NOT NULL,
    gender                VARCHAR(16)  NOT NULL,
    date_of_birth         DATE         NOT NULL,
    marital_status        VARCHAR(16)  NOT NULL,
    disability            VARCHAR(16)  NOT NULL,
    literate              BOOLEAN      NOT NULL,
    education_level       VARCHAR(16)  NOT NULL,
    in_school             BOOLEAN      NOT NULL,
    employment            VARCHAR(20)  NOT NULL,
    occupation            VARCHAR(32)  NOT NULL,
    employment_sector     VARCHAR(20)  NOT NULL,
    elementary_occupation BOOLEAN      NOT NULL,
    chronic_disease       VARCHAR(20)  NOT NULL,
    CONSTRAINT household_member_national_id UNIQUE (national_id),
    CONSTRAINT household_member_household FOREIGN KEY (household_id) REFERENCES household (id),
    INDEX household_member_by_household (household_id)
);

-- One row per submitted survey, never changed: what the registration centre sent, as it sent it.
CREATE TABLE survey (
    id             BIGINT       NOT NULL PRIMARY KEY,
    household_id   BIGINT       NOT NULL,
    update_type    VARCHAR(20)  NOT NULL,
    operator_id    VARCHAR(40)  NOT NULL,
    site_id        VARCHAR(40)  NOT NULL,
    started_at     TIMESTAMP(3) NOT NULL,
    submitted_at   TIMESTAMP(3) NOT NULL,
    utc_offset_minutes INT      NOT NULL,
    received_at    TIMESTAMP(3) NOT NULL,
    received_by    VARCHAR(60)  NOT NULL,
    province       VARCHAR(32)  NOT NULL,
    district       VARCHAR(80)  NOT NULL,
    tehsil         VARCHAR(80)  NOT NULL,
    union_council  VARCHAR(80)  NOT NULL,
    address        VARCHAR(500) NOT NULL,
    latitude       DECIMAL(9,6),
    longitude      DECIMAL(9,6),
    mobile         VARCHAR(20),
    international_travel BOOLEAN,
    monthly_phone_bill_pkr INT,
    payload        LONGTEXT     NOT NULL CHECK (JSON_VALID(payload)),
    CONSTRAINT survey_household FOREIGN KEY (household_id) REFERENCES household (id),
    INDEX survey_by_household (household_id, submitted_at)
);

CREATE TABLE survey_member (
    survey_id             BIGINT       NOT NULL,
    line_no               INT          NOT NULL,
    national_id           CHAR(15)     NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    relation              VARCHAR(32)  NOT NULL,
    gender                VARCHAR(16)  NOT NULL,
    date_of_birth         DATE         NOT NULL,
    marital_status        VARCHAR(16)  NOT NULL,
    disability            VARCHAR(16)  NOT NULL,
    literate              BOOLEAN      NOT NULL,
    education_level       VARCHAR(16)  NOT NULL,
    in_school             BOOLEAN      NOT NULL,
    employment            VARCHAR(20)  NOT NULL,
    occupation            VARCHAR(32)  NOT NULL,
    employment_sector     VARCHAR(20)  NOT NULL,
    elementary_occupation BOOLEAN      NOT NULL,
    chronic_disease       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (survey_id, line_no),
    CONSTRAINT survey_member_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);

CREATE TABLE survey_dwelling (
    survey_id      BIGINT      NOT NULL PRIMARY KEY,
    rooms          INT         NOT NULL,
    wall_material  VARCHAR(20) NOT NULL,
    roof_material  VARCHAR(20) NOT NULL,
    drinking_water VARCHAR(20) NOT NULL,
    toilet         VARCHAR(20) NOT NULL,
    electricity    VARCHAR(20) NOT NULL,
    cooking_fuel   VARCHAR(20) NOT NULL,
    CONSTRAINT survey_dwelling_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);

CREATE TABLE survey_assets (
    survey_id        BIGINT  NOT NULL PRIMARY KEY,
    refrigerator     BOOLEAN NOT NULL,
    freezer          BOOLEAN NOT NULL,
    television       BOOLEAN NOT NULL,
    motorcycle       BOOLEAN NOT NULL,
    car              BOOLEAN NOT NULL,
    other_vehicle    BOOLEAN NOT NULL,
    air_conditioner  BOOLEAN NOT NULL,
    washing_machine  BOOLEAN NOT NULL,
    agricultural_land_acres DECIMAL(9,2) NOT NULL,
    cattle           INT     NOT NULL,
    buffalo          INT     NOT NULL,
    goats            INT     NOT NULL,
    sheep            INT     NOT NULL,
    CONSTRAINT survey_assets_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
);

-- A policy bundle version: the decision tables and DRL files the rules are compiled from.
CREATE TABLE policy_bundle (
    version        INT          NOT NULL PRIMARY KEY,
    sha256         CHAR(64)     NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    comment        VARCHAR(1000) NOT NULL,
    uploaded_by    VARCHAR(60)  NOT NULL,
    uploaded_at    TIMESTAMP(3) NOT NULL,
    activated_at   TIMESTAMP(3),
    activated_by   VARCHAR(60)
);

CREATE TABLE policy_file (
    bundle_version INT          NOT NULL,
    path           VARCHAR(255) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        LONGBLOB     NOT NULL,
    PRIMARY KEY (bundle_version, path),
    CONSTRAINT policy_file_bundle FOREIGN KEY (bundle_version) REFERENCES policy_bundle (version)
);

-- Evidence: one row per eligibility decision, never changed or removed (see the triggers below).
CREATE TABLE eligibility_decision (
    id                BIGINT       NOT NULL PRIMARY KEY,
    household_id      BIGINT       NOT NULL,
    survey_id         BIGINT       NOT NULL,
    policy_version    INT          NOT NULL,
    policy_sha256     CHAR(64)     NOT NULL,
    decided_at        TIMESTAMP(3) NOT NULL,
    decided_by        VARCHAR(60)  NOT NULL,
    score             INT          NOT NULL,
    cash_transfer_eligible BOOLEAN NOT NULL,
    inputs            LONGTEXT     NOT NULL CHECK (JSON_VALID(inputs)),
    score_breakdown   LONGTEXT     NOT NULL CHECK (JSON_VALID(score_breakdown)),
    likelihoods       LONGTEXT     NOT NULL CHECK (JSON_VALID(likelihoods)),
    programs          LONGTEXT     NOT NULL CHECK (JSON_VALID(programs)),
    fired_rules       LONGTEXT     NOT NULL CHECK (JSON_VALID(fired_rules)),
    reasons           LONGTEXT     NOT NULL CHECK (JSON_VALID(reasons)),
    CONSTRAINT decision_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT decision_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT decision_policy FOREIGN KEY (policy_version) REFERENCES policy_bundle (version),
    INDEX decision_by_household (household_id, decided_at)
);

CREATE TRIGGER eligibility_decision_no_update BEFORE UPDATE ON eligibility_decision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'eligibility_decision is append-only: a decision cannot be changed';
CREATE TRIGGER eligibility_decision_no_delete BEFORE DELETE ON eligibility_decision FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'eligibility_decision is append-only: a decision cannot be removed';
CREATE TRIGGER survey_no_update BEFORE UPDATE ON survey FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey is append-only: a submitted survey cannot be changed';
CREATE TRIGGER survey_no_delete BEFORE DELETE ON survey FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey is append-only: a submitted survey cannot be removed';
CREATE TRIGGER policy_file_no_update BEFORE UPDATE ON policy_file FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_file is immutable: publish a new bundle version instead';

CREATE TABLE app_user (
    username       VARCHAR(60)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,
    display_name   VARCHAR(120) NOT NULL,
    work_group     VARCHAR(60),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE app_user_role (
    username VARCHAR(60) NOT NULL,
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, role),
    CONSTRAINT app_user_role_user FOREIGN KEY (username) REFERENCES app_user (username)
);
