-- Per-version secret environment variables as one JSON object of name to sealed value (AES-256-GCM
-- under the coordinator's secret key, see io.edgecoord.security.SecretCipher): never plain text.
-- Null means none, as for the versions deployed before. Portable between H2 and PostgreSQL.
alter table task_version add column secret_environment_json varchar(16384);
