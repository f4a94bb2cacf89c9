-- Routing: subscriptions, and what caused an invocation the coordinator made by itself.
-- Portable between H2 and PostgreSQL.
create table subscription (
    id          varchar(36)  not null primary key,
    source      varchar(16)  not null,
    subject     varchar(256) not null,
    target      varchar(160) not null,
    schedule    varchar(128),
    created_at  timestamp with time zone not null
);

create index subscription_created on subscription (created_at, id);

-- Null when a client made the call.
alter table invocation add column cause_subscription varchar(36);
alter table invocation add column cause_source varchar(160);
alter table invocation add column cause_topic varchar(512);
