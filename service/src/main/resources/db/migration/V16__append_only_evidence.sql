-- The whole evidence is append-only, not only surveys and decisions: a survey's members, dwelling and
-- assets, policy bundles and their files. A bundle's review (checked, approved) becomes rows of its own,
-- so that the bundle row, as uploaded, never changes.

-- One row per review step of a bundle version, never changed: the outcome of a check against the
-- reference households (DRAFT: some household differs; VALIDATED: all as expected) or its approval.
-- A version's review state is APPROVED once approved, else the outcome of its latest check, else the
-- state it was uploaded in.
CREATE TABLE policy_review (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version           INT           NOT NULL,
    state             VARCHAR(16)   NOT NULL CHECK (state IN ('DRAFT', 'VALIDATED', 'APPROVED')),
    reviewed_by       VARCHAR(60)   NOT NULL,
    reviewed_at       TIMESTAMP(3)  NOT NULL,
    validation_report LONGTEXT      NULL CHECK (validation_report IS NULL OR JSON_VALID(validation_report)),
    comment           VARCHAR(1000) NULL,
    CONSTRAINT review_bundle FOREIGN KEY (version) REFERENCES policy_bundle (version),
    INDEX review_by_version (version, id)
);

-- The review so far, from the columns it was kept in: each version's latest check, then its approval.
INSERT INTO policy_review (version, state, reviewed_by, reviewed_at, validation_report)
SELECT version, IF(validated_at IS NULL, 'DRAFT', 'VALIDATED'), COALESCE(validated_by, uploaded_by),
       COALESCE(validated_at, uploaded_at), validation_report
FROM policy_bundle WHERE validated_at IS NOT NULL OR validation_report IS NOT NULL ORDER BY version;
INSERT INTO policy_review (version, state, reviewed_by, reviewed_at, comment)
SELECT version, 'APPROVED', approved_by, approved_at, approval_comment
FROM policy_bundle WHERE approved_at IS NOT NULL ORDER BY version;

-- What remains on the bundle is the state it was uploaded in: DRAFT for an upload, VALIDATED for the
-- default bundle the service installs (approved at once, without a separate check).
UPDATE policy_bundle SET state = IF(approved_at IS NOT NULL AND validated_at IS NULL, 'VALIDATED', 'DRAFT')
WHERE validated_at IS NOT NULL OR validation_report IS NOT NULL OR approved_at IS NOT NULL;
ALTER TABLE policy_bundle
    RENAME COLUMN state TO uploaded_state,
    DROP COLUMN validated_at,
    DROP COLUMN validated_by,
    DROP COLUMN validation_report,
    DROP COLUMN approved_at,
    DROP COLUMN approved_by,
    DROP COLUMN approval_comment;

CREATE TRIGGER policy_review_no_update BEFORE UPDATE ON policy_review FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_review is append-only: record a new review step instead';
CREATE TRIGGER policy_review_no_delete BEFORE DELETE ON policy_review FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_review is append-only: record a new review step instead';
CREATE TRIGGER policy_bundle_no_update BEFORE UPDATE ON policy_bundle FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_bundle is immutable: publish a new bundle version instead';
CREATE TRIGGER policy_bundle_no_delete BEFORE DELETE ON policy_bundle FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_bundle is immutable: publish a new bundle version instead';
CREATE TRIGGER policy_file_no_delete BEFORE DELETE ON policy_file FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_file is immutable: publish a new bundle version instead';

CREATE TRIGGER survey_member_no_update BEFORE UPDATE ON survey_member FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey_member is append-only: a submitted survey cannot be changed';
CREATE TRIGGER survey_member_no_delete BEFORE DELETE ON survey_member FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey_member is append-only: a submitted survey cannot be removed';
CREATE TRIGGER survey_dwelling_no_update BEFORE UPDATE ON survey_dwelling FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey_dwelling is append-only: a submitted survey cannot be changed';
CREATE TRIGGER survey_dwelling_no_delete BEFORE DELETE ON survey_dwelling FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey_dwelling is append-only: a submitted survey cannot be removed';
CREATE TRIGGER survey_assets_no_update BEFORE UPDATE ON survey_assets FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey_assets is append-only: a submitted survey cannot be changed';
CREATE TRIGGER survey_assets_no_delete BEFORE DELETE ON survey_assets FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'survey_assets is append-only: a submitted survey cannot be removed';
