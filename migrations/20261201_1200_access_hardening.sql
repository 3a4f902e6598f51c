-- Access hardening (issue 10, items 1 and 3): sessions and tokens that can be listed and revoked
-- and that end when idle; login attempts kept in the database so that every process shares the
-- throttle; optional TOTP; accounts waiting for a second national administrator's approval; audit
-- rows that record the request's address and session or token.

-- Sessions: a public reference (what audit rows and the "my sessions" page show; the id itself is
-- the hash of the cookie), last use for the idle timeout, where from, and why it ended.
ALTER TABLE user_session ADD COLUMN ref uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE user_session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE user_session ADD COLUMN address text;
ALTER TABLE user_session ADD COLUMN user_agent text;
ALTER TABLE user_session ADD COLUMN end_reason text;
ALTER TABLE user_session ADD COLUMN ended_by uuid REFERENCES app_user(id);
CREATE UNIQUE INDEX user_session_ref_idx ON user_session (ref);

-- Tokens: last use (idle timeout), where issued, who revoked and why. A token without an expiry
-- date is no longer made; old ones get the default lifetime from now.
ALTER TABLE api_token ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_token ADD COLUMN address text;
ALTER TABLE api_token ADD COLUMN revoke_reason text;
ALTER TABLE api_token ADD COLUMN revoked_by uuid REFERENCES app_user(id);
UPDATE api_token SET expires_at = now() + interval '12 hours' WHERE expires_at IS NULL AND revoked_at IS NULL;
UPDATE api_token SET expires_at = revoked_at WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Accounts: who created each one; an account granting restricted rights its creator does not hold
-- waits for a second national administrator (pending_approval); TOTP secret (pending while being
-- enrolled) and the last time step used (a code is accepted once).
ALTER TABLE app_user ADD COLUMN created_by uuid REFERENCES app_user(id);
ALTER TABLE app_user ADD COLUMN pending_approval boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;
ALTER TABLE app_user ADD COLUMN totp_secret text;
ALTER TABLE app_user ADD COLUMN totp_pending_secret text;
ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE app_user ADD COLUMN totp_last_step bigint;
ALTER TABLE app_user ADD CONSTRAINT app_user_totp_enabled CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL));

-- Every login attempt (password or TOTP code), by the username as typed (known or not) and the
-- address: the throttle counts failures here. 'locked' = refused without checking the password;
-- 'unlock' = an administrator cleared the account's failures.
CREATE TABLE login_attempt (
  id       uuid PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  username text NOT NULL,
  user_id  uuid REFERENCES app_user(id),
  address  text,
  step     text NOT NULL CHECK (step IN ('password','totp','admin')),
  outcome  text NOT NULL CHECK (outcome IN ('pending','failure','success','locked','unlock'))
);
CREATE INDEX login_attempt_username_idx ON login_attempt (username, at);
CREATE INDEX login_attempt_address_idx ON login_attempt (address, at);

-- A password checked, the TOTP code still to come (pages): a short-lived challenge in a cookie.
CREATE TABLE login_challenge (
  id         text PRIMARY KEY,           -- sha256 of the cookie value
  user_id    uuid NOT NULL REFERENCES app_user(id),
  attempt_id uuid NOT NULL REFERENCES login_attempt(id),  -- the password step, counted until the code is right
  address    text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at   timestamptz
);

-- Audit rows: the request's address and the session (its public reference) or token behind it.
ALTER TABLE change_log ADD COLUMN address text;
ALTER TABLE change_log ADD COLUMN session_id uuid;
ALTER TABLE change_log ADD COLUMN token_id uuid;
ALTER TABLE access_audit ADD COLUMN address text;
ALTER TABLE access_audit ADD COLUMN session_id uuid;
ALTER TABLE access_audit ADD COLUMN token_id uuid;
