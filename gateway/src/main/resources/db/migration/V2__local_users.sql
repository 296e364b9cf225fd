-- Local users of the embedded default. Passwords are bcrypt hashes; roles a comma-separated list of role names.
create table app_user (
    username          varchar(255) primary key,
    password_hash     varchar(255) not null,
    roles             varchar(255) not null,
    enabled           boolean      not null,
    failed_attempts   integer      not null,
    locked_until      timestamp with time zone,
    created_at        timestamp with time zone not null,
    created_by        varchar(255) not null
);
