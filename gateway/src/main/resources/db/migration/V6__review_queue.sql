-- The supervision review queue (ADR 0012, FINRA 3110(b)(4)). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Evidence tables (hits, scans, comments, decisions, assignments) are only ever inserted into; review_item.state,
-- outcome, assignee and closed_at summarise that history for the queue's pages.

-- Every policy version the gateway has run, with the hash of its content: a file edited without a new version is
-- refused at start because its (id, version) is here with another hash.
create table review_policy_version (
    policy_id      varchar(128) not null,
    version        integer      not null,
    content_hash   varchar(80)  not null,
    source         varchar(255) not null,
    first_loaded_at timestamp with time zone not null,
    constraint pk_review_policy_version primary key (policy_id, version)
);

-- One sampling seed per calendar month (UTC), generated once; confidential until an examination.
create table review_sampling_seed (
    seed_id    varchar(64) primary key,
    period     varchar(7)  not null,
    key_hex    varchar(128) not null,
    created_at timestamp with time zone not null,
    constraint uq_review_sampling_seed_period unique (period)
);

-- Evidence that each message version was looked at, and under which policies, also when nothing hit.
create table review_scan (
    record_id        varchar(36)   primary key,
    message_id       varchar(36)   not null,
    scanned_at       timestamp with time zone not null,
    policies_applied varchar(4000) not null,
    hit_count        integer       not null,
    item_id          varchar(36)
);

create table review_item (
    item_id        varchar(36)   primary key,
    message_id     varchar(36)   not null,
    record_id      varchar(36)   not null,
    version_number integer,
    rm             varchar(255),
    group_name     varchar(255),
    reasons        varchar(2000) not null,
    severity_rank  integer       not null,
    risk_score     integer       not null,
    state          varchar(16)   not null,
    outcome        varchar(16),
    assignee       varchar(255),
    created_at     timestamp with time zone not null,
    closed_at      timestamp with time zone,
    sample_seed_id varchar(64),
    sample_value   double precision,
    sample_rate    double precision,
    sample_reason  varchar(16),
    -- one item per message version: the scanner may see a version twice (replay), never files it twice
    constraint uq_review_item_record unique (record_id)
);
-- the queue's page order within a state: most severe first, then riskiest, then oldest
create index ix_review_item_queue on review_item (state, severity_rank desc, risk_score desc, created_at, item_id);
create index ix_review_item_rm on review_item (rm, state);
create index ix_review_item_assignee on review_item (assignee, state);
create index ix_review_item_message on review_item (message_id);

create table review_hit (
    item_id        varchar(36)   not null references review_item (item_id),
    ordinal        integer       not null,
    policy_id      varchar(128)  not null,
    policy_version integer       not null,
    policy_hash    varchar(80)   not null,
    rule_id        varchar(128)  not null,
    rule_kind      varchar(16)   not null,
    severity       varchar(8)    not null,
    risk_score     integer       not null,
    part           varchar(100)  not null,
    span_start     integer       not null,
    span_end       integer       not null,
    matched_text   varchar(2000) not null,
    constraint pk_review_hit primary key (item_id, ordinal)
);

-- Rules that could not be evaluated on the version (a regex out of time): the item must be reviewed as if flagged.
create table review_problem (
    item_id   varchar(36)   not null references review_item (item_id),
    ordinal   integer       not null,
    policy_id varchar(128)  not null,
    rule_id   varchar(128)  not null,
    part      varchar(100)  not null,
    reason    varchar(1000) not null,
    constraint pk_review_problem primary key (item_id, ordinal)
);

create table review_comment (
    comment_id varchar(36)   primary key,
    item_id    varchar(36)   not null references review_item (item_id),
    author     varchar(255)  not null,
    created_at timestamp with time zone not null,
    body       varchar(4000) not null
);
create index ix_review_comment_item on review_comment (item_id, created_at);

create table review_decision (
    decision_id  varchar(36)   primary key,
    item_id      varchar(36)   not null references review_item (item_id),
    decided_by   varchar(255)  not null,
    decided_at   timestamp with time zone not null,
    outcome      varchar(16)   not null,
    comment      varchar(4000) not null,
    escalated_to varchar(255)
);
create index ix_review_decision_item on review_decision (item_id, decided_at);

create table review_assignment (
    assignment_id varchar(36)  primary key,
    item_id       varchar(36)  not null references review_item (item_id),
    assignee      varchar(255) not null,
    assigned_by   varchar(255) not null,
    assigned_at   timestamp with time zone not null,
    reason        varchar(32)  not null
);
create index ix_review_assignment_item on review_assignment (item_id, assigned_at);
