-- The register of approved business accounts: the firm's evidence of its messaging policy.
-- Rows are never deleted: a revoked account keeps its history.
create table approved_account (
    id               varchar(36)   primary key,
    platform         varchar(16)   not null,
    account_id       varchar(255)  not null,
    owner            varchar(255),
    justification    varchar(2000) not null,
    review_date      date          not null,
    state            varchar(16)   not null,
    requested_by     varchar(255)  not null,
    requested_at     timestamp with time zone not null,
    decided_by       varchar(255),
    decided_at       timestamp with time zone,
    decision_comment varchar(2000),
    source           varchar(32)   not null
);
create index ix_approved_account_key on approved_account (platform, account_id);
