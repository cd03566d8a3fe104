-- Work routed by office (docs/decisions/0025-offices-and-routing.md).

-- Where a case is worked: the household's district and tehsil when the case was opened (its office),
-- and the registration site for a case opened before its household exists (a missed-out registration).
ALTER TABLE workflow_case
    ADD COLUMN province VARCHAR(32) NULL,
    ADD COLUMN district VARCHAR(80) NULL,
    ADD COLUMN tehsil   VARCHAR(80) NULL,
    ADD COLUMN site_id  VARCHAR(40) NULL,
    ADD INDEX case_by_office (district, tehsil, state);
UPDATE workflow_case c JOIN household h ON h.id = c.household_id
    SET c.province = h.province, c.district = h.district, c.tehsil = h.tehsil;

-- The offices a user works for. NATIONAL: every case; DISTRICT: the district's cases; TEHSIL: the
-- tehsil's cases; SITE: the cases of a registration site. A user with no row sees no case's tasks.
CREATE TABLE user_office (
    username VARCHAR(60) NOT NULL,
    scope    VARCHAR(16) NOT NULL,
    district VARCHAR(80) NOT NULL DEFAULT '',
    tehsil   VARCHAR(80) NOT NULL DEFAULT '',
    site_id  VARCHAR(40) NOT NULL DEFAULT '',
    assigned_by VARCHAR(60) NOT NULL,
    assigned_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (username, scope, district, tehsil, site_id),
    CONSTRAINT user_office_user FOREIGN KEY (username) REFERENCES app_user (username),
    CONSTRAINT user_office_scope CHECK (scope IN ('NATIONAL', 'DISTRICT', 'TEHSIL', 'SITE'))
);
-- Everyone saw every task before offices existed; they keep doing so until an administrator narrows them.
INSERT INTO user_office (username, scope, assigned_by, assigned_at)
    SELECT username, 'NATIONAL', 'migration', CURRENT_TIMESTAMP(3) FROM app_user;

-- The group column was never read; offices replace it.
ALTER TABLE app_user DROP COLUMN work_group;
-- When the user last set their own password (null: a password given to them, to be changed).
ALTER TABLE app_user ADD COLUMN password_set_at TIMESTAMP(3) NULL,
    ADD COLUMN created_by VARCHAR(60) NULL,
    ADD COLUMN created_at TIMESTAMP(3) NULL;

-- When the engine created a user task: the task list's time waiting and due date.
ALTER TABLE jbpm_user_tasks ADD COLUMN created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);

-- A step of a case that waited longer than the Deadlines table allows, for the supervisors' list;
-- resolved when the step's task completes or the case closes.
CREATE TABLE escalation (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    step         VARCHAR(60)  NOT NULL,
    task_name    VARCHAR(120) NULL,
    escalated_to VARCHAR(60)  NULL,
    due_at       TIMESTAMP(3) NULL,
    escalated_at TIMESTAMP(3) NOT NULL,
    resolved_at  TIMESTAMP(3) NULL,
    CONSTRAINT escalation_case FOREIGN KEY (case_id) REFERENCES workflow_case (id),
    INDEX escalation_open (resolved_at, escalated_at),
    INDEX escalation_by_case (case_id, step)
);
