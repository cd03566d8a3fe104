-- The audit trail: one row per audited action, chained by hash (each entry carries the previous
-- entry's hash) and never changed or removed. seq is handed out by the appender under the lock of
-- audit_chain_head, so the chain has one order even with several service instances on one database.
-- utf8mb4_bin: what is stored is hashed byte for byte, and filters match exactly.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    -- The explicit default keeps servers without explicit_defaults_for_timestamp from adding
    -- ON UPDATE CURRENT_TIMESTAMP; the application always sets the value it hashed.
    recorded_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    actor        VARCHAR(60)  NOT NULL,
    action       VARCHAR(60)  NOT NULL,
    subject      VARCHAR(120) NOT NULL,
    details      LONGTEXT     NOT NULL CHECK (JSON_VALID(details)),
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL,
    INDEX audit_entry_by_subject (subject, seq),
    INDEX audit_entry_by_time (recorded_at)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The end of the chain: the last seq and hash. Appenders lock this one row (SELECT ... FOR UPDATE)
-- and move it forward in the same transaction as their entry.
CREATE TABLE audit_chain_head (
    id        TINYINT  NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, REPEAT('0', 64));

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: an audit entry cannot be changed';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: an audit entry cannot be removed';
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_chain_head cannot be removed: it holds the end of the audit trail';
-- The head moves one entry at a time, onto an entry that exists with that hash: it cannot be wound
-- back to hide the newest entries.
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head FOR EACH ROW
BEGIN
    IF NEW.id <> OLD.id OR NEW.last_seq <> OLD.last_seq + 1
            OR NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.seq = NEW.last_seq AND e.hash = NEW.last_hash) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_chain_head only moves forward, onto the entry just appended';
    END IF;
END;
