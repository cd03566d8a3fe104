-- Replay runs: an auditor's request to replay many stored decisions, its progress and every mismatch.
CREATE TABLE replay_run (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    requested_by    VARCHAR(60)   NOT NULL,
    requested_at    TIMESTAMP(3)  NOT NULL,
    filter          LONGTEXT      NOT NULL CHECK (JSON_VALID(filter)),
    against_version INT           NULL,
    state           VARCHAR(16)   NOT NULL,
    total           BIGINT        NOT NULL,
    done            BIGINT        NOT NULL DEFAULT 0,
    identical       BIGINT        NOT NULL DEFAULT 0,
    mismatched      BIGINT        NOT NULL DEFAULT 0,
    finished_at     TIMESTAMP(3)  NULL,
    failure         VARCHAR(1000) NULL
);

CREATE TABLE replay_mismatch (
    run_id      BIGINT   NOT NULL,
    decision_id BIGINT   NOT NULL,
    fields      LONGTEXT NOT NULL CHECK (JSON_VALID(fields)),
    PRIMARY KEY (run_id, decision_id),
    CONSTRAINT mismatch_run FOREIGN KEY (run_id) REFERENCES replay_run (id)
);
