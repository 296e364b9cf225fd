-- The archive's metadata. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Record content lives in the record packs and blob files; these tables index it and chain it.

create table conversation (
    conversation_id          varchar(36)  primary key,
    platform                 varchar(16)  not null,
    account_id               varchar(255) not null,
    platform_conversation_id varchar(255) not null,
    first_seen_at            timestamp with time zone not null,
    constraint uq_conversation unique (platform, account_id, platform_conversation_id)
);

create table message (
    message_id          varchar(36)  primary key,
    platform            varchar(16)  not null,
    account_id          varchar(255) not null,
    platform_message_id varchar(512) not null,
    channel             varchar(32),
    conversation_id     varchar(36)  references conversation (conversation_id),
    direction           varchar(8),
    sender_id           varchar(255),
    sender_name         varchar(255),
    sent_at             timestamp with time zone,
    captured_at         timestamp with time zone not null,
    version_count       integer      not null,
    deleted             boolean      not null,
    quarantined         boolean      not null,
    original_captured   boolean      not null,
    constraint uq_message unique (platform, account_id, platform_message_id)
);
create index ix_message_conversation on message (conversation_id, sent_at);
create index ix_message_sent on message (sent_at);
create index ix_message_platform_id on message (platform_message_id);

create table archive_record (
    record_id        varchar(36)   primary key,
    natural_key      varchar(1024) not null,
    record_type      varchar(16)   not null,
    message_id       varchar(36)   not null references message (message_id),
    version_number   integer,
    sha256           char(64)      not null,
    pack_name        varchar(64)   not null,
    pack_offset      bigint        not null,
    pack_length      integer       not null,
    journal_sequence bigint,
    captured_at      timestamp with time zone not null,
    constraint uq_record_natural_key unique (natural_key)
);
create index ix_record_message on archive_record (message_id);

create table blob (
    sha256      char(64)     primary key,
    size_bytes  bigint       not null,
    media_type  varchar(255),
    stored_at   timestamp with time zone not null
);

create table ledger_entry (
    serial        bigint       primary key,
    recorded_at   timestamp with time zone not null,
    entry_type    varchar(16)  not null,
    subject_id    varchar(255) not null,
    subject_hash  char(64)     not null,
    previous_hash char(64)     not null,
    entry_hash    char(64)     not null
);
create index ix_ledger_subject on ledger_entry (subject_id);

create table audit_entry (
    serial         bigint        primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(255)  not null,
    action         varchar(64)   not null,
    target         varchar(1024),
    outcome        varchar(16)   not null,
    remote_address varchar(64),
    details        varchar(4000),
    previous_hash  char(64)      not null,
    entry_hash     char(64)      not null
);
create index ix_audit_actor on audit_entry (actor, occurred_at);

create table journal_checkpoint (
    consumer varchar(64) primary key,
    sequence bigint      not null
);

create table capture_failure (
    journal_sequence bigint        primary key,
    source           varchar(64)   not null,
    reason           varchar(1024) not null,
    failed_at        timestamp with time zone not null
);
