-- The invocation list without a task or status (the dashboard's first page, a time window, a
-- cursor) reads newest first by acceptance time: without this index each page sorted every record.
create index invocation_accepted on invocation (accepted_at, id);
