-- A scheduled activation may be cancelled before its effective time. policy_activation stays append-only:
-- the cancellation is a row of its own, naming the activation, who cancelled it, when and why. A cancelled
-- activation stays listed but no longer counts for the version in force at any instant.
CREATE TABLE policy_activation_cancellation (
    activation_id BIGINT        NOT NULL PRIMARY KEY,
    cancelled_by  VARCHAR(60)   NOT NULL,
    cancelled_at  TIMESTAMP(3)  NOT NULL,
    comment       VARCHAR(1000) NOT NULL,
    CONSTRAINT cancellation_activation FOREIGN KEY (activation_id) REFERENCES policy_activation (id)
);

CREATE TRIGGER policy_activation_cancellation_no_update BEFORE UPDATE ON policy_activation_cancellation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_activation_cancellation is append-only: schedule the version again instead';
CREATE TRIGGER policy_activation_cancellation_no_delete BEFORE DELETE ON policy_activation_cancellation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_activation_cancellation is append-only: schedule the version again instead';
