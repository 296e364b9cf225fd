-- Legal holds (ADR 0013). legal_hold is the hold as it stands (scope, release); legal_hold_event is its history, only
-- ever inserted into: the placement, each change of scope and the release, with who, when, why and the scope after.
create table legal_hold (
    id             varchar(36)   primary key,
    matter         varchar(255)  not null,
    reason         varchar(2000) not null,
    placed_by      varchar(255)  not null,
    placed_at      timestamp with time zone not null,
    scope_json     varchar(16000) not null,
    released_by    varchar(255),
    released_at    timestamp with time zone,
    release_reason varchar(2000)
);
create index ix_legal_hold_released on legal_hold (released_at);

create table legal_hold_event (
    event_id    varchar(36)    primary key,
    hold_id     varchar(36)    not null references legal_hold (id),
    action      varchar(16)    not null,
    actor       varchar(255)   not null,
    occurred_at timestamp with time zone not null,
    reason      varchar(2000)  not null,
    scope_json  varchar(16000) not null
);
create index ix_legal_hold_event_hold on legal_hold_event (hold_id, occurred_at);
