-- PREWARMED (an environment started ahead of calls, running its first) needs nine characters.
alter table invocation alter column start_kind set data type varchar(16);
