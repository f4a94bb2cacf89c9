-- Per-version execution settings (isolation, warm environments, priority, queue and retry limits)
-- as one JSON object. Null means every setting at its default, as for the versions deployed before.
-- Portable between H2 and PostgreSQL.
alter table task_version add column execution_json varchar(2048);
