-- What the application account may do with the schema; the owner grants it after every migration
-- (org.dynreg.database.ApplicationGrants). ${application} is the account, ${database} the database.
-- It may read and add rows everywhere, including tables that later migrations create, and never
-- TRUNCATE, DROP, ALTER, CREATE, or create or drop triggers. Evidence (surveys and their members,
-- dwelling and assets, decisions, policy bundles, files, reviews and activations, the audit trail,
-- notifications) is append-only twice over: no UPDATE or DELETE privilege here, and triggers that
-- refuse both to any account.
--
-- A table whose rows the service changes or removes gets a line below, in the migration's change.
-- A line removed here is not revoked from existing installations: REVOKE it by hand (README).
GRANT SELECT, INSERT ON ${database}.* TO ${application};

-- Current state of the registry: the household and its roster (roster updates add, change and remove members).
GRANT UPDATE ON household TO ${application};
GRANT UPDATE, DELETE ON household_member TO ${application};

-- Cases and what they hold while open.
GRANT UPDATE ON workflow_case TO ${application};
GRANT UPDATE ON escalation TO ${application};
GRANT UPDATE ON registration_token TO ${application};
GRANT UPDATE ON registration_site_day TO ${application};
GRANT UPDATE ON shock_household TO ${application};
-- A shock is extended (later end); declarations lock one row to be made one at a time.
GRANT UPDATE ON shock TO ${application};
GRANT UPDATE ON shock_declaration_lock TO ${application};
GRANT UPDATE ON benefit_suspension TO ${application};
-- Its trigger lets a requested change name its case once, and nothing else.
GRANT UPDATE ON roster_change TO ${application};

-- Users: passwords change, users are disabled, office assignments are given and taken away.
GRANT UPDATE ON app_user TO ${application};
GRANT UPDATE, DELETE ON app_user_role TO ${application};
GRANT DELETE ON user_office TO ${application};

-- Progress of replay runs; the end of the audit trail (its trigger lets it only move forward).
GRANT UPDATE ON replay_run TO ${application};
GRANT UPDATE ON audit_chain_head TO ${application};

-- The process engine: process instances, user tasks and timers live, change and end.
GRANT UPDATE, DELETE ON process_instances TO ${application};
GRANT UPDATE, DELETE ON business_key_mapping TO ${application};
GRANT UPDATE, DELETE ON correlation_instances TO ${application};
GRANT UPDATE, DELETE ON process_timer TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_potential_users TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_potential_groups TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_admin_users TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_admin_groups TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_excluded_users TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_attachments TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_comments TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_inputs TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_outputs TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_metadata TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_deadline TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_reassignment TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_deadline_timer TO ${application};
GRANT UPDATE, DELETE ON jbpm_user_tasks_reassignment_timer TO ${application};

-- Spring Batch's job repository: executions and their contexts are updated as jobs run; its history may be cleaned up.
GRANT UPDATE, DELETE ON BATCH_JOB_INSTANCE TO ${application};
GRANT UPDATE, DELETE ON BATCH_JOB_EXECUTION TO ${application};
GRANT UPDATE, DELETE ON BATCH_JOB_EXECUTION_PARAMS TO ${application};
GRANT UPDATE, DELETE ON BATCH_STEP_EXECUTION TO ${application};
GRANT UPDATE, DELETE ON BATCH_STEP_EXECUTION_CONTEXT TO ${application};
GRANT UPDATE, DELETE ON BATCH_JOB_EXECUTION_CONTEXT TO ${application};
