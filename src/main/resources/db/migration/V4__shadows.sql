-- One shadow per device, AWS IoT shadow semantics. Portable SQL: runs on H2 and PostgreSQL.
-- document holds {state:{desired,reported},metadata:{desired,reported}} as JSON text; null means
-- the shadow was deleted and the row is a tombstone that keeps version so numbering continues.
-- version is the shadow's own version (one per accepted update); lock_version is the JPA
-- optimistic lock, which also moves when only the actuation outcome is recorded.

create table shadow (
    device       varchar(128)             not null,
    document     varchar(1000000),
    version      bigint                   not null,
    updated_at   timestamp with time zone not null,
    deleted_at   timestamp with time zone,
    actuation    varchar(4000),
    lock_version bigint                   not null,
    constraint pk_shadow primary key (device)
);
