-- Decisions of a rescoring run name the run's Spring Batch job instance. At most one decision per household
-- and run: a restarted or re-read chunk cannot decide a household twice, whatever the code does. Decisions
-- made from a survey leave the column NULL, which the unique key does not count. No foreign key to
-- BATCH_JOB_INSTANCE: the job repository's history may be cleaned up, the decisions are evidence for good.
ALTER TABLE eligibility_decision ADD COLUMN batch_job_instance BIGINT NULL,
    ADD CONSTRAINT decision_once_per_run UNIQUE (batch_job_instance, household_id);

-- A household told that an update falls due, once per due cycle: the cycle is the last survey date the
-- window counts from, so a new survey starts a new cycle. The due-date sweep inserts here before it
-- notifies, so running it twice, or restarting it, tells nobody twice.
CREATE TABLE update_due_notice (
    household_id     BIGINT       NOT NULL,
    update_type      VARCHAR(20)  NOT NULL,
    last_surveyed_on DATE         NOT NULL,
    due_on           DATE         NOT NULL,
    notified_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (household_id, update_type, last_surveyed_on),
    CONSTRAINT update_due_notice_household FOREIGN KEY (household_id) REFERENCES household (id)
);
