-- A kind of difference of the regression gate (e.g. the cut-off used for UCT, or the wording of reasons) that an
-- officer accepted across every reference household showing it under a version in review, with one reason. The
-- new expected outcome of each household is recorded in reference_expectation as well; this row keeps the
-- acceptance as the approver reads it: the kind, the reason and each household's change. Append-only.
CREATE TABLE accepted_difference (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bundle_version INT           NOT NULL,
    kind           VARCHAR(80)   NOT NULL,
    label          VARCHAR(200)  NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    households     LONGTEXT      NOT NULL CHECK (JSON_VALID(households)),
    accepted_by    VARCHAR(60)   NOT NULL,
    accepted_at    TIMESTAMP(3)  NOT NULL,
    CONSTRAINT accepted_difference_bundle FOREIGN KEY (bundle_version) REFERENCES policy_bundle (version),
    INDEX accepted_difference_by_version (bundle_version, id)
);
CREATE TRIGGER accepted_difference_no_update BEFORE UPDATE ON accepted_difference FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'accepted_difference is append-only';
CREATE TRIGGER accepted_difference_no_delete BEFORE DELETE ON accepted_difference FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'accepted_difference is append-only';
