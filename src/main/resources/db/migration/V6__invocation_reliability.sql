-- Reliability of calls: retries of asynchronous calls, dead letters, replays and idempotency keys.
-- Portable between H2 and PostgreSQL. One record per call: a retry updates the same row.

-- Which attempt the record shows (1 for the first), and when that attempt was queued: the
-- acceptance for the first, the time its back-off ends for a retry (later than now while waiting).
alter table invocation add column attempt integer default 1 not null;
alter table invocation add column queued_at timestamp with time zone;
update invocation set queued_at = accepted_at;
alter table invocation alter column queued_at set not null;

-- Why a DEAD_LETTERED call was given up: RetriesExhausted or EventAgeExceeded.
alter table invocation add column dead_letter_reason varchar(32);
-- The dead-lettered invocation this one replays, when it is a replay.
alter table invocation add column replay_of varchar(36);

-- The client's Idempotency-Key and the sha256 (hex) of the payload it came with. A key is unique
-- per task, so two concurrent calls with the same key cannot both be recorded; a key past its
-- window is cleared from its record before the key is used again. Both databases allow any number
-- of rows whose key is null under a unique constraint.
alter table invocation add column idempotency_key varchar(256);
alter table invocation add column payload_sha256 varchar(64);
alter table invocation add constraint invocation_idempotency_key unique (task_name, idempotency_key);
