-- Pending process timers (boundary and intermediate timer events) so that they survive a restart;
-- written by PersistentJobsService in the transaction that stores the process instance.
CREATE TABLE process_timer (
    job_id                   VARCHAR(64)  NOT NULL,
    timer_id                 VARCHAR(64)  NOT NULL,
    process_instance_id      CHAR(36)     NOT NULL,
    root_process_instance_id VARCHAR(36),
    process_id               VARCHAR(255),
    root_process_id          VARCHAR(255),
    node_instance_id         VARCHAR(64),
    priority                 INT          NOT NULL,
    expires_at_ms            BIGINT       NOT NULL COMMENT 'epoch milliseconds (UTC)',
    repeat_interval_ms       BIGINT,
    repeat_limit             INT,
    PRIMARY KEY (job_id),
    KEY idx_process_timer_pi (process_instance_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
