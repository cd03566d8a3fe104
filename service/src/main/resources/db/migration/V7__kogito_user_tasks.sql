-- MariaDB port of jbpm-addons-usertask-storage-jpa 10.1.0 (kie-flyway/db/user-tasks/postgresql V1.0.0, V1.0.1, V1.0.2).
-- Changes: bytea/varbinary(max) -> LONGBLOB; timestamp -> DATETIME(6); comment VARCHAR(1000) directly;
-- foreign keys declared inline (MariaDB has no "drop constraint if exists ... cascade").

CREATE TABLE jbpm_user_tasks (
    id                    VARCHAR(50)  NOT NULL,
    user_task_id          VARCHAR(255),
    task_priority         VARCHAR(50),
    actual_owner          VARCHAR(255),
    task_description      VARCHAR(255),
    status                VARCHAR(255),
    termination_type      VARCHAR(255),
    external_reference_id VARCHAR(255),
    task_name             VARCHAR(255),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_potential_users (
    task_id VARCHAR(50)  NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (task_id, user_id),
    CONSTRAINT fk_jbpm_user_fk_tasks_potential_users_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_potential_groups (
    task_id  VARCHAR(50)  NOT NULL,
    group_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (task_id, group_id),
    CONSTRAINT fk_jbpm_user_tasks_potential_groups_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_admin_users (
    task_id VARCHAR(50)  NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (task_id, user_id),
    CONSTRAINT fk_jbpm_user_tasks_admin_users_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_admin_groups (
    task_id  VARCHAR(50)  NOT NULL,
    group_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (task_id, group_id),
    CONSTRAINT fk_jbpm_user_tasks_admin_groups_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_excluded_users (
    task_id VARCHAR(50)  NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (task_id, user_id),
    CONSTRAINT fk_jbpm_user_tasks_excluded_users_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_attachments (
    id         VARCHAR(50) NOT NULL,
    name       VARCHAR(255),
    updated_by VARCHAR(255),
    updated_at DATETIME(6),
    url        VARCHAR(255),
    task_id    VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_user_tasks_attachments_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_comments (
    id         VARCHAR(50) NOT NULL,
    updated_by VARCHAR(255),
    updated_at DATETIME(6),
    comment    VARCHAR(1000),
    task_id    VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_user_tasks_comments_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_inputs (
    task_id     VARCHAR(50)  NOT NULL,
    input_name  VARCHAR(255) NOT NULL,
    input_value LONGBLOB,
    java_type   VARCHAR(255),
    PRIMARY KEY (task_id, input_name),
    CONSTRAINT fk_jbpm_user_tasks_inputs_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_outputs (
    task_id      VARCHAR(50)  NOT NULL,
    output_name  VARCHAR(255) NOT NULL,
    output_value LONGBLOB,
    java_type    VARCHAR(255),
    PRIMARY KEY (task_id, output_name),
    CONSTRAINT fk_jbpm_user_tasks_outputs_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_metadata (
    task_id        VARCHAR(50)  NOT NULL,
    metadata_name  VARCHAR(255) NOT NULL,
    metadata_value VARCHAR(512),
    java_type      VARCHAR(255),
    PRIMARY KEY (task_id, metadata_name),
    CONSTRAINT fk_jbpm_user_tasks_metadata_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- V1.0.1 timers (deadlines / reassignments)
CREATE TABLE jbpm_user_tasks_deadline (
    id                 INT          NOT NULL,
    task_id            VARCHAR(50)  NOT NULL,
    notification_type  VARCHAR(255) NOT NULL,
    notification_value LONGBLOB,
    java_type          VARCHAR(255),
    PRIMARY KEY (id),
    CONSTRAINT fk_jbpm_user_tasks_deadline_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_reassignment (
    id                 INT          NOT NULL,
    task_id            VARCHAR(50)  NOT NULL,
    reassignment_type  VARCHAR(255) NOT NULL,
    reassignment_value LONGBLOB,
    java_type          VARCHAR(255),
    PRIMARY KEY (id),
    CONSTRAINT fk_jbpm_user_tasks_reassignment_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_deadline_timer (
    task_id             VARCHAR(50)  NOT NULL,
    notification_job_id VARCHAR(255) NOT NULL,
    notification_type   VARCHAR(255) NOT NULL,
    notification_value  LONGBLOB,
    java_type           VARCHAR(255),
    PRIMARY KEY (task_id, notification_job_id),
    CONSTRAINT fk_jbpm_user_tasks_deadline_timer_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE jbpm_user_tasks_reassignment_timer (
    task_id             VARCHAR(50)  NOT NULL,
    reassignment_job_id VARCHAR(255) NOT NULL,
    reassignment_type   VARCHAR(255) NOT NULL,
    reassignment_value  LONGBLOB,
    java_type           VARCHAR(255),
    PRIMARY KEY (task_id, reassignment_job_id),
    CONSTRAINT fk_jbpm_user_tasks_reassignment_timer_tid FOREIGN KEY (task_id) REFERENCES jbpm_user_tasks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE SEQUENCE jbpm_user_tasks_deadline_seq INCREMENT BY 50;
CREATE SEQUENCE jbpm_user_tasks_reassignment_seq INCREMENT BY 50;
