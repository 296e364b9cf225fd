-- Retention in the gateway (ADR 0013, ADR 0014): what retention rules match on in the account register, the policy
-- versions in force, disposition plans with their approval and execution, certificates, erasure requests.

alter table approved_account add column business_line varchar(255);
alter table approved_account add column jurisdiction varchar(64);

-- Every retention policy version the gateway has run under, with its text: a new version is checked against the
-- previous one (never an older version, never new content under the same number) and archived records re-evaluated.
create table retention_policy_version (
    version      integer       not null,
    content_hash varchar(100)  not null,
    name         varchar(255)  not null,
    source       varchar(1024) not null,
    policy_yaml  text          not null,
    activated_at timestamp with time zone not null,
    constraint pk_retention_policy_version primary key (version, content_hash)
);

-- A disposition plan (a dry run) as reviewed, then its approval and execution.
create table disposition_plan (
    id                 varchar(36)  primary key,
    origin             varchar(64)  not null,   -- schedule, request, or erasure:<request id>
    planned_by         varchar(255) not null,
    planned_at         timestamp with time zone not null,
    plan_hash          char(64)     not null,
    plan_json          text         not null,
    disposals          integer      not null,
    held_back          integer      not null,
    state              varchar(16)  not null,   -- planned, executed
    approved_by        varchar(255),
    approved_at        timestamp with time zone,
    executed_at        timestamp with time zone,
    disposed           integer,
    withdrawn_json     text,
    certificate_serial bigint
);
create index ix_disposition_plan_state on disposition_plan (state, planned_at);

-- The hash-chained certificates of what was destroyed (CertificateChain).
create table disposition_certificate (
    serial           bigint       primary key,
    id               varchar(36)  not null,
    plan_id          varchar(36)  not null,
    issued_at        timestamp with time zone not null,
    certificate_hash char(64)     not null,
    certificate_json text         not null
);

-- GDPR Art. 17 requests and the answer given, kept whatever it said.
create table erasure_request (
    id           varchar(36)  primary key,
    reference    varchar(255) not null,
    requested_by varchar(255) not null,
    requested_at timestamp with time zone not null,
    answer_json  text         not null,
    plan_id      varchar(36)
);
