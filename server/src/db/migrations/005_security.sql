-- Protect (issue 7, server): disabled agents, login attempts for rate limits and lockout,
-- token revocation on logout, the append-only audit log, and retention periods per record type.
-- Same SQL on PGlite and PostgreSQL 15+.

-- An administrator disables an agent who left; their devices are revoked at the same time.
ALTER TABLE agents ADD COLUMN disabled_at timestamptz;

-- A logout ends the token (the device row stays, for the administrators' list).
ALTER TABLE devices ADD COLUMN logged_out_at timestamptz;

-- Every login attempt, kept a day: rate limit per IP, lockout per login (auth/login-guard.ts).
-- Counters live here, not in memory, so several servers behind a load balancer share them.
CREATE TABLE login_attempts (
  -- Insertion order: "in a row" means after the last success, even within one clock tick.
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       timestamptz NOT NULL,
  login    text NOT NULL,
  ip       text NOT NULL,
  -- success, failure (wrong password or unknown login), refused (locked or rate limited)
  outcome  text NOT NULL CHECK (outcome IN ('success', 'failure', 'refused'))
);
CREATE INDEX login_attempts_login_idx ON login_attempts (login, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

-- Who read and who wrote which record of a person, and when. Append-only: the triggers below
-- refuse UPDATE, DELETE and TRUNCATE to everyone, the server included.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL,
  -- Null: the server itself (the retention purge job run from the command line).
  agent_id    uuid,
  device_id   uuid,
  -- read (a route or a pull sent it), write, export, rectify, purge
  action      text NOT NULL CHECK (action IN ('read', 'write', 'export', 'rectify', 'purge')),
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  -- The site of the record, so a cadre sees the log of their sites; null for the person-less.
  site_id     text,
  -- The person the record is about, when known (the person itself, or a visit's person).
  person_id   text,
  -- How: 'pull', 'push', or the route, e.g. 'GET /api/v1/rgpd/…'.
  via         text NOT NULL
);
CREATE INDEX audit_log_site_idx ON audit_log (site_id, at);
CREATE INDEX audit_log_person_idx ON audit_log (person_id, at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Every record a push accepted is a write in the audit log, in the push's own transaction:
-- `applied_mutations` is written after the records and their pull changes, so the site and the
-- person are read from `sync_changes`. One statement per batch (transition table), not per row.
CREATE FUNCTION audit_accepted_mutations() RETURNS trigger AS $$
BEGIN
  INSERT INTO audit_log (at, agent_id, device_id, action, entity, entity_id, site_id, person_id, via)
  SELECT m.applied_at, m.agent_id, m.device_id, 'write', m.entity, m.entity_id::text, c.site_id,
         CASE WHEN m.entity = 'person' THEN m.entity_id::text ELSE c.payload ->> 'personId' END,
         'push'
  FROM inserted m
  LEFT JOIN sync_changes c ON c.entity = m.entity AND c.entity_id = m.entity_id::text
  WHERE m.result ->> 'status' = 'accepted';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER applied_mutations_audit
  AFTER INSERT ON applied_mutations
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION audit_accepted_mutations();

-- How long each type of record is kept after its last change, then purged (rgpd/purge.ts).
-- The values are the project's defaults, to be set by the département's data protection
-- officer (DPO) with `UPDATE retention_policies`; they come from no official text.
CREATE TABLE retention_policies (
  entity          text PRIMARY KEY,
  retention_days  integer NOT NULL CHECK (retention_days > 0),
  label           text NOT NULL
);
INSERT INTO retention_policies (entity, retention_days, label) VALUES
  ('visit', 3650, 'Visites à domicile : 10 ans après la visite'),
  ('orientation', 1825, 'Orientations vers le guide : 5 ans'),
  ('person', 3650, 'Personnes suivies : 10 ans après la dernière modification'),
  ('referral', 1825, 'Orientations entre professionnels : 5 ans'),
  ('task', 730, 'Tâches : 2 ans');
