-- Messages the gateway sent for a relationship manager, and the completeness reports of reconciliation.
-- The archive itself holds each sent message (archived before sending, under gateway:<outbound_id>); this table is the
-- operational link from our outbound id to the platform's message id, which the platform assigns only once it accepts.
create table outbound_message (
    outbound_id         varchar(36)   primary key,
    channel             varchar(32)   not null,
    platform            varchar(16)   not null,
    account_id          varchar(255)  not null,
    recipient           varchar(255)  not null,
    requested_by        varchar(255)  not null,
    requested_at        timestamp with time zone not null,
    intent_sequence     bigint        not null,
    state               varchar(16)   not null,
    platform_message_id varchar(512),
    http_status         integer,
    error_code          varchar(64),
    reason              varchar(2000),
    decided_at          timestamp with time zone
);
create index ix_outbound_platform_id on outbound_message (channel, account_id, platform_message_id);

create table reconciliation_report (
    id           varchar(36)   primary key,
    channel      varchar(32)   not null,
    account_id   varchar(255)  not null,
    window_from  date          not null,
    window_to    date          not null,
    requested_by varchar(255)  not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone not null,
    state        varchar(16)   not null,
    listed       integer,
    missing      integer,
    report_json  text          not null
);
create index ix_reconciliation_account on reconciliation_report (channel, account_id, started_at);
