-- Per-version permissions (shadows to read and write, tasks to invoke, topics to publish and
-- subscribe to) as one JSON object. Null means no permission at all, the default, as for the
-- versions deployed before. Portable between H2 and PostgreSQL.
alter table task_version add column permissions_json varchar(16384);
