-- API keys. The secret itself is never stored: secret_hash is its SHA-256 (bearer keys are checked
-- against it), secret_sealed an AES-GCM copy under the coordinator's secret key, because AWS
-- Signature Version 4 is an HMAC that the coordinator must compute with the secret itself.
-- Revoked keys are kept (revoked_at) so that their history reads; they are never accepted.
create table api_key (
    id                   varchar(32)   not null primary key,
    name                 varchar(128)  not null,
    secret_hash          varchar(64)   not null,
    secret_sealed        varchar(256)  not null,
    scopes               varchar(64)   not null,
    task_patterns        varchar(2048) not null,
    requests_per_second  integer,
    created_at           timestamp with time zone not null,
    last_used_at         timestamp with time zone,
    revoked_at           timestamp with time zone
);
