-- Aliases: a task's named pointers to one of its versions, optionally with a weighted second
-- version for a canary. Deleted with their task. Portable between H2 and PostgreSQL.
create sequence task_alias_seq start with 1 increment by 50;

create table task_alias (
    id                 bigint                   not null,
    task_id            bigint                   not null,
    name               varchar(128)             not null,
    version            integer                  not null,
    additional_version integer,
    additional_weight  double precision,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint pk_task_alias primary key (id),
    constraint fk_task_alias_task foreign key (task_id) references task (id) on delete cascade,
    constraint uk_task_alias unique (task_id, name)
);
