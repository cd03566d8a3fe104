-- Cases: one per workflow run of an update type, beside the engine's own process-instance tables.
CREATE TABLE workflow_case (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_type           VARCHAR(32)   NOT NULL,
    household_id        BIGINT        NULL,
    process_id          VARCHAR(64)   NOT NULL,
    process_instance_id VARCHAR(64)   NULL,
    state               VARCHAR(16)   NOT NULL,
    outcome             VARCHAR(64)   NULL,
    outcome_reason      VARCHAR(1000) NULL,
    opened_by           VARCHAR(60)   NOT NULL,
    opened_at           TIMESTAMP(3)  NOT NULL,
    closed_at           TIMESTAMP(3)  NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT case_household FOREIGN KEY (household_id) REFERENCES household (id),
    INDEX case_by_household (household_id, opened_at),
    INDEX case_by_state (state, case_type),
    UNIQUE INDEX case_by_process_instance (process_instance_id)
);

-- What a household is told, and when: one row per notification, never changed.
CREATE TABLE notification (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id BIGINT        NOT NULL,
    case_id      BIGINT        NULL,
    kind         VARCHAR(40)   NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP(3)  NOT NULL,
    CONSTRAINT notification_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT notification_case FOREIGN KEY (case_id) REFERENCES workflow_case (id),
    INDEX notification_by_household (household_id, created_at)
);
CREATE TRIGGER notification_no_update BEFORE UPDATE ON notification FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'notification is append-only: a household was told what it was told';
CREATE TRIGGER notification_no_delete BEFORE DELETE ON notification FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'notification is append-only: a household was told what it was told';

-- Declared shocks (disasters) and the districts or tehsils they struck.
CREATE TABLE shock (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(40)   NOT NULL,
    starts_on    DATE          NOT NULL,
    ends_on      DATE          NULL,
    comment      VARCHAR(1000) NOT NULL,
    declared_by  VARCHAR(60)   NOT NULL,
    declared_at  TIMESTAMP(3)  NOT NULL
);
CREATE TABLE shock_area (
    shock_id  BIGINT      NOT NULL,
    province  VARCHAR(32) NOT NULL,
    district  VARCHAR(80) NOT NULL,
    tehsil    VARCHAR(80) NOT NULL DEFAULT '',
    PRIMARY KEY (shock_id, province, district, tehsil),
    CONSTRAINT shock_area_shock FOREIGN KEY (shock_id) REFERENCES shock (id)
);
