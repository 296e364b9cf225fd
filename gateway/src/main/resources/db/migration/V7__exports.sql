-- Production (export) jobs: what was asked, by whom, how far the job is, and what it produced.
create table export_job (
    id               varchar(36)   primary key,
    matter           varchar(255)  not null,
    requester        varchar(255)  not null,
    selection        varchar(4000) not null,
    formats          varchar(255)  not null,
    state            varchar(16)   not null,
    conversations    bigint        not null,
    messages         bigint        not null,
    pages            bigint        not null,
    total_messages   bigint,
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    file_name        varchar(255),
    file_sha256      char(64),
    manifest_sha256  char(64),
    ledger_serial    bigint,
    first_bates      varchar(64),
    last_bates       varchar(64),
    error            varchar(2000)
);
