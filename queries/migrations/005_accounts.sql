-- 003: accounts, sign-in sessions, sign-in attempts (for throttling) and the admin's
-- corrections of the catalogue. Passwords are kept only as argon2id hashes; session
-- tokens only as SHA-256 digests.

CREATE TABLE accounts (
    name          VARCHAR PRIMARY KEY,          -- lower case: letters, digits, . _ -
    display_name  VARCHAR,
    role          VARCHAR NOT NULL CHECK (role IN ('viewer', 'staff', 'reviewer', 'admin')),
    units         VARCHAR[] NOT NULL,           -- the units a staff account reports for
    email         VARCHAR,                      -- lower case; the key for single sign-on
    password_hash VARCHAR,                      -- argon2id; NULL: single sign-on only
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    demo          BOOLEAN NOT NULL DEFAULT FALSE, -- created with the demo data, removed with them
    created_by    VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    changed_by    VARCHAR NOT NULL,
    changed_at    TIMESTAMP NOT NULL
);

-- One row per sign-in. The token itself lives only in the server's memory (the
-- person's Streamlit session); this row is what ends it.
CREATE SEQUENCE session_id START 1;
CREATE TABLE sessions (
    id           BIGINT PRIMARY KEY DEFAULT nextval('session_id'),
    token_sha256 VARCHAR NOT NULL UNIQUE,
    account_name VARCHAR NOT NULL,
    method       VARCHAR NOT NULL CHECK (method IN ('password', 'sso')),
    client       VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    ended_at     TIMESTAMP,
    end_reason   VARCHAR
);

-- Every password sign-in attempt, for throttling. The name typed is kept only as a
-- digest (a password typed into the name box must not be readable here).
CREATE SEQUENCE sign_in_attempt_id START 1;
CREATE TABLE sign_in_attempts (
    id          BIGINT PRIMARY KEY DEFAULT nextval('sign_in_attempt_id'),
    name_sha256 VARCHAR NOT NULL,
    client      VARCHAR NOT NULL,
    attempted_at TIMESTAMP NOT NULL,
    succeeded   BOOLEAN NOT NULL
);

-- An admin's correction of the transcribed catalogue (a threshold, a comparator, a
-- deadline, a unit's name, a new unit). Applied over the catalogue tables after every
-- load of data/*.csv; the newest correction of a field wins.
CREATE SEQUENCE catalogue_correction_id START 1;
CREATE TABLE catalogue_corrections (
    id           BIGINT PRIMARY KEY DEFAULT nextval('catalogue_correction_id'),
    object_type  VARCHAR NOT NULL CHECK (object_type IN ('target', 'task', 'unit')),
    code         VARCHAR NOT NULL,
    field        VARCHAR NOT NULL,
    value        VARCHAR,
    corrected_by VARCHAR NOT NULL,
    corrected_at TIMESTAMP NOT NULL,
    reason       VARCHAR NOT NULL
);

INSERT INTO settings VALUES
    ('session_idle_minutes', '30',
     'Phiên đăng nhập kết thúc sau số phút không thao tác này'),
    ('session_max_hours', '12',
     'Phiên đăng nhập kết thúc sau số giờ này kể từ lúc đăng nhập, dù vẫn thao tác'),
    ('sign_in_max_failures', '5',
     'Số lần nhập sai mật khẩu liên tiếp của một tài khoản trước khi tạm khóa'),
    ('sign_in_client_max_failures', '20',
     'Số lần đăng nhập sai từ một máy trước khi tạm chặn máy đó'),
    ('sign_in_lock_minutes', '15',
     'Thời gian tạm khóa (phút) sau quá nhiều lần đăng nhập sai; cũng là khoảng thời gian đếm số lần sai'),
    ('allow_anonymous_read', 'auto',
     'Cho xem bảng điều khiển không cần đăng nhập: on, off, hoặc auto (chỉ khi có số liệu minh họa)');
