-- Each log's size in bytes (UTF-8), so that retention can keep the logs' total within its bound
-- (edgecoord.storage.retention.logs-max-total-size) by summing a number, never reading the texts.
alter table invocation_log add column size_bytes bigint default 0 not null;
update invocation_log set size_bytes = octet_length(text);
