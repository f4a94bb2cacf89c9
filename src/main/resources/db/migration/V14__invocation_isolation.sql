-- What the environment of a call's latest attempt really ran with (CONTAINER, or NONE for a plain
-- process), which its task may not have asked for; null for calls that never started, and for
-- records made before it was kept.
alter table invocation add column isolation varchar(16);
