-- Lambda's client context a caller sent (Greengrass's SDKs send one), handed to the runtime on every attempt.
alter table invocation add column client_context varchar(4096);
