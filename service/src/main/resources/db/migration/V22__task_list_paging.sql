-- The work list is read a page at a time in the database (workflow.TaskList.page): a task's case is found through
-- an indexed column of its CaseId input (stored by the engine as JSON text), and open tasks are listed oldest
-- first by owner or by all, with their step names for the list's filter.
ALTER TABLE jbpm_user_tasks_inputs
    ADD COLUMN case_id BIGINT AS (IF(input_name = 'CaseId' AND CONVERT(input_value USING utf8mb4) REGEXP '^"?[0-9]{1,18}"?$',
        CAST(TRIM(BOTH '"' FROM CONVERT(input_value USING utf8mb4)) AS UNSIGNED), NULL)) PERSISTENT,
    ADD INDEX task_input_by_case (case_id);
ALTER TABLE jbpm_user_tasks
    ADD INDEX task_by_created (created_at, id),
    ADD INDEX task_by_owner (actual_owner, created_at),
    ADD INDEX task_by_name (task_name);
