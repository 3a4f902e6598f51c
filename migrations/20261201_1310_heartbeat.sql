-- One row that GET /health rewrites (at most every few seconds) to prove the database accepts
-- writes: a full disk, a read-only database or a server in recovery answer 503 with a reason.
CREATE TABLE pmis_heartbeat (
  id         smallint PRIMARY KEY CHECK (id = 1),
  beat_at    timestamptz NOT NULL DEFAULT now(),
  beat_by    text
);
INSERT INTO pmis_heartbeat (id) VALUES (1);
