-- Deadlines, priorities and the steps of an attempt's time. Portable between H2 and PostgreSQL.

-- The caller's end-to-end deadline (Edgecoord-Deadline-Ms from acceptance), null for none.
alter table invocation add column deadline_at timestamp with time zone;
-- The call's priority, 0..9: the caller's Edgecoord-Priority limited to its task's.
alter table invocation add column priority integer default 5 not null;
-- The latest attempt's steps: handed to the resource manager, and its event handed to the
-- environment's runtime (after a new environment's init).
alter table invocation add column dispatched_at timestamp with time zone;
alter table invocation add column handed_over_at timestamp with time zone;
