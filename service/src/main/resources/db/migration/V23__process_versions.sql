-- Processes are compiled at run time and several versions of one process run side by side (workflow.engine):
-- a case keeps the version of its process that it started on and finishes on it. Cases opened before this change
-- ran on the classes generated at build time from processes/*.bpmn, whose version was 1.0 (drools:version), the
-- version the process-instance store already keeps for their instances.
ALTER TABLE workflow_case ADD COLUMN process_version VARCHAR(64) NOT NULL DEFAULT '1.0' AFTER process_id;
ALTER TABLE workflow_case ALTER COLUMN process_version DROP DEFAULT;

-- A user task's definition id was the element id alone ("Resurvey", shared by four processes); it is now
-- <process>:<version>:<element>. Stored tasks take the new form from the process id and version they keep in their
-- metadata (stored as JSON text, e.g. "appeal"), so tasks of cases opened before continue.
UPDATE jbpm_user_tasks t
    JOIN jbpm_user_tasks_metadata p ON p.task_id = t.id AND p.metadata_name = 'ProcessId'
    LEFT JOIN jbpm_user_tasks_metadata v ON v.task_id = t.id AND v.metadata_name = 'ProcessVersion'
SET t.user_task_id = CONCAT(TRIM(BOTH '"' FROM p.metadata_value), ':',
        COALESCE(NULLIF(TRIM(BOTH '"' FROM v.metadata_value), 'null'), '1.0'), ':', t.user_task_id)
WHERE t.user_task_id IS NOT NULL AND t.user_task_id NOT LIKE '%:%';
