-- Retention deletes ended invocations oldest end first, in small batches: an index on the end
-- keeps each batch's search short however many records are held. Portable between H2 and PostgreSQL.
create index invocation_finished on invocation (finished_at);
