-- Policy lifecycle: maker-checker review of each bundle version, activations with effective times,
-- and expected outcomes of reference households recorded against a version.

-- A version's review state (DRAFT, VALIDATED, APPROVED). Whether it is in force is not stored here:
-- it follows from policy_activation at any given instant, so every service instance on this database
-- reads the same answer.
ALTER TABLE policy_bundle
    ADD COLUMN based_on          INT           NULL AFTER sha256,
    ADD COLUMN validated_at      TIMESTAMP(3)  NULL,
    ADD COLUMN validated_by      VARCHAR(60)   NULL,
    ADD COLUMN validation_report LONGTEXT      NULL CHECK (validation_report IS NULL OR JSON_VALID(validation_report)),
    ADD COLUMN approved_at       TIMESTAMP(3)  NULL,
    ADD COLUMN approved_by       VARCHAR(60)   NULL,
    ADD COLUMN approval_comment  VARCHAR(1000) NULL;

-- One row per activation or roll-back, never changed: the version in force at instant t is the one
-- of the row with the latest effective_from not after t (ties: the later row).
CREATE TABLE policy_activation (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version        INT           NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    effective_from TIMESTAMP(3)  NOT NULL,
    requested_by   VARCHAR(60)   NOT NULL,
    requested_at   TIMESTAMP(3)  NOT NULL,
    comment        VARCHAR(1000) NOT NULL,
    CONSTRAINT activation_bundle FOREIGN KEY (version) REFERENCES policy_bundle (version),
    INDEX activation_by_time (effective_from, id)
);

INSERT INTO policy_activation (version, kind, effective_from, requested_by, requested_at, comment)
SELECT version, 'INSTALL', COALESCE(activated_at, uploaded_at), COALESCE(activated_by, uploaded_by),
       COALESCE(activated_at, uploaded_at), comment
FROM policy_bundle WHERE state = 'ACTIVE';
UPDATE policy_bundle SET state = 'APPROVED', approved_at = COALESCE(activated_at, uploaded_at),
       approved_by = COALESCE(activated_by, uploaded_by)
WHERE state IN ('ACTIVE', 'RETIRED');
ALTER TABLE policy_bundle DROP COLUMN activated_at, DROP COLUMN activated_by;

CREATE TRIGGER policy_activation_no_update BEFORE UPDATE ON policy_activation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_activation is append-only: activate another version instead';
CREATE TRIGGER policy_activation_no_delete BEFORE DELETE ON policy_activation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_activation is append-only: activate another version instead';

-- A new expected outcome for a reference household, recorded by a policy officer against one bundle
-- version with the reason; the outcome it replaces is kept beside it. Versions based on this one
-- inherit it.
CREATE TABLE reference_expectation (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bundle_version INT           NOT NULL,
    household      VARCHAR(120)  NOT NULL,
    expected       LONGTEXT      NOT NULL CHECK (JSON_VALID(expected)),
    replaces       LONGTEXT      NOT NULL CHECK (JSON_VALID(replaces)),
    reason         VARCHAR(1000) NOT NULL,
    recorded_by    VARCHAR(60)   NOT NULL,
    recorded_at    TIMESTAMP(3)  NOT NULL,
    CONSTRAINT expectation_bundle FOREIGN KEY (bundle_version) REFERENCES policy_bundle (version),
    INDEX expectation_by_version (bundle_version, household, id)
);
CREATE TRIGGER reference_expectation_no_update BEFORE UPDATE ON reference_expectation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reference_expectation is append-only: record a new expectation instead';
CREATE TRIGGER reference_expectation_no_delete BEFORE DELETE ON reference_expectation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reference_expectation is append-only: record a new expectation instead';
