-- When a client asked to stop a running call: a coordinator that dies before the call has
-- stopped ends it CANCELLED at start-up instead of retrying it.
alter table invocation add column cancel_requested_at timestamp with time zone;
