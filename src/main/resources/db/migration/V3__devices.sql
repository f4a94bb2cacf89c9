-- Device profiles and devices. Portable SQL: runs on H2 and PostgreSQL.
-- Definitions are stored as JSON documents (the API shape); the columns that queries and
-- constraints need are kept beside them. Connectivity is derived at run time and not stored.

create table device_profile (
    name        varchar(128)             not null,
    document    varchar(65536)           not null,
    created_at  timestamp with time zone not null,
    modified_at timestamp with time zone not null,
    constraint pk_device_profile primary key (name)
);

create table device (
    id           uuid                     not null,
    name         varchar(128)             not null,
    profile_name varchar(128)             not null,
    admin_state  varchar(16)              not null,
    document     varchar(65536)           not null,
    revision     bigint                   not null,
    created_at   timestamp with time zone not null,
    modified_at  timestamp with time zone not null,
    constraint pk_device primary key (id),
    constraint uk_device_name unique (name),
    constraint fk_device_profile foreign key (profile_name) references device_profile (name)
);

create index ix_device_profile on device (profile_name);
