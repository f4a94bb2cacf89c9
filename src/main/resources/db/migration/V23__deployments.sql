-- Configuration bundles: every applied bundle, by version, with who applied it and when, and
-- the resources that bundles created (so an operator can tell them from hand-made ones).
-- Portable SQL (H2 and PostgreSQL). A bundle is kept whole so that a rollback can apply it again;
-- 1 MiB bounds it (larger code goes by URL with its sha256).

create table deployment (
    version          integer                  not null,
    key_id           varchar(64),
    applied_at       timestamp with time zone not null,
    document         varchar(1048576)         not null,
    diff_json        varchar(65536)           not null,
    rolled_back_from integer,
    constraint pk_deployment primary key (version)
);

-- resource is "<kind>:<name>", such as "task:thermostat".
create table deployment_resource (
    resource   varchar(600) not null,
    created_by integer      not null,
    constraint pk_deployment_resource primary key (resource)
);
