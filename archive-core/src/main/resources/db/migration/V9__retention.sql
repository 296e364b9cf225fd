-- Retention, encryption at rest and disposition (ADR 0013, ADR 0014).

-- Each record's retention, fixed at commit (extended, never shortened, by a later policy version), the facts it was
-- decided on, whether its pack bytes are sealed with its message's data key, and when it was disposed of.
alter table archive_record add column encrypted boolean default false not null;
alter table archive_record add column retention_class varchar(128);
alter table archive_record add column legal_basis varchar(1024);
alter table archive_record add column expires_on date;
alter table archive_record add column policy_version integer;
alter table archive_record add column policy_hash varchar(100);
alter table archive_record add column matched_rules varchar(1024);
alter table archive_record add column retention_kind varchar(32);
alter table archive_record add column business_line varchar(255);
alter table archive_record add column jurisdiction varchar(64);
alter table archive_record add column record_time timestamp with time zone;
alter table archive_record add column disposed_at timestamp with time zone;
create index ix_record_expiry on archive_record (expires_on);

-- A message none of whose records is left: it is listed nowhere any more.
alter table message add column disposed_at timestamp with time zone;

-- Data keys wrapped by the master key (base64 of version | nonce | ciphertext | tag). A destroyed key keeps its row,
-- without the key, so the archive can tell content that was shredded from content that was never sealed.
create table data_key (
    key_id       varchar(100) primary key,
    wrapped_key  varchar(200),
    created_at   timestamp with time zone not null,
    destroyed_at timestamp with time zone
);

-- Which blobs a record refers to: a blob is destroyed only when no live record refers to it any more.
create table record_blob (
    record_id varchar(36) not null,
    sha256    char(64)    not null,
    constraint pk_record_blob primary key (record_id, sha256)
);
create index ix_record_blob_sha on record_blob (sha256);

-- Who takes part in each message (sender and recipients, verbatim): how an erasure request finds a data subject's records.
create table message_participant (
    message_id  varchar(36)  not null,
    platform_id varchar(255) not null,
    constraint pk_message_participant primary key (message_id, platform_id)
);
create index ix_participant on message_participant (platform_id);
