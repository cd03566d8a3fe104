-- MariaDB port of kie-addons-persistence-jdbc 10.1.0 (kie-flyway/db/persistence-jdbc/ansi V1.35.0, V10.0.0, V10.0.1).
-- Changes: varbinary(1000000) -> LONGBLOB; varchar(4000) -> VARCHAR(255) for process_id/process_version
-- (an index over two VARCHAR(4000) utf8mb4 columns exceeds InnoDB's 3072-byte key limit).

CREATE TABLE process_instances (
    id              CHAR(36)     NOT NULL,
    payload         LONGBLOB     NOT NULL,
    process_id      VARCHAR(255) NOT NULL,
    version         BIGINT,
    process_version VARCHAR(255),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX idx_process_instances_process_id ON process_instances (process_id, id, process_version);

CREATE TABLE business_key_mapping (
    business_key        VARCHAR(255) NOT NULL,
    process_instance_id CHAR(36)     NOT NULL,
    PRIMARY KEY (business_key),
    CONSTRAINT fk_process_instances FOREIGN KEY (process_instance_id)
        REFERENCES process_instances (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX idx_business_key_process_instance_id ON business_key_mapping (process_instance_id);

CREATE TABLE correlation_instances (
    id                     CHAR(36)      NOT NULL,
    encoded_correlation_id VARCHAR(36)   NOT NULL,
    correlated_id          VARCHAR(36)   NOT NULL,
    correlation            VARCHAR(8000) NOT NULL,
    version                BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_correlation_instances_encoded_id UNIQUE (encoded_correlation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
