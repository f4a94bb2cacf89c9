-- Invocation records. Portable between H2 and PostgreSQL: bytea is VARBINARY in H2, text is CLOB.
create table invocation (
    id                varchar(36)   not null primary key,
    task_name         varchar(64)   not null,
    task_version      integer       not null,
    mode              varchar(8)    not null,
    status            varchar(16)   not null,
    payload           bytea         not null,
    result            bytea,
    error_source      varchar(16),
    error_type        varchar(256),
    error_message     varchar(4096),
    error_body        bytea,
    environment_id    varchar(32),
    start_kind        varchar(8),
    init_duration_ms  bigint,
    accepted_at       timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone
);

create index invocation_task_status on invocation (task_name, status, accepted_at);
create index invocation_status on invocation (status, accepted_at);

-- What a function printed during one invocation: written once, when its output is closed.
create table invocation_log (
    invocation_id  varchar(36) not null primary key references invocation (id) on delete cascade,
    text           text        not null,
    truncated      boolean     not null
);
