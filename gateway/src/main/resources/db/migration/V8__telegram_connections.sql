-- Telegram Business connections: which user's business account connected the firm's bot, with what rights.
create table telegram_business_connection (
    connection_id    varchar(255)  primary key,
    user_id          varchar(64)   not null,
    user_name        varchar(255),
    username         varchar(255),
    user_chat_id     varchar(64),
    enabled          boolean       not null,
    rights           varchar(2000) not null,
    connected_at     timestamp with time zone,
    updated_at       timestamp with time zone not null,
    journal_sequence bigint        not null
);
