-- Tasks and their immutable versions. Portable SQL: runs on H2 and PostgreSQL.
-- Ids come from sequences (allocation 50) so Hibernate can batch inserts.

create sequence task_seq start with 1 increment by 50;

create sequence task_version_seq start with 1 increment by 50;

create table task (
    id             bigint                   not null,
    name           varchar(64)              not null,
    latest_version integer                  not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint pk_task primary key (id),
    constraint uk_task_name unique (name)
);

create table task_version (
    id               bigint                   not null,
    task_id          bigint                   not null,
    version          integer                  not null,
    runtime          varchar(32)              not null,
    handler          varchar(128),
    memory_mb        integer                  not null,
    timeout_seconds  integer                  not null,
    environment_json varchar(8192)            not null,
    code_sha256      varchar(64)              not null,
    code_size        bigint                   not null,
    created_at       timestamp with time zone not null,
    constraint pk_task_version primary key (id),
    constraint fk_task_version_task foreign key (task_id) references task (id) on delete cascade,
    constraint uk_task_version unique (task_id, version)
);
