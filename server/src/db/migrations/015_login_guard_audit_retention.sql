-- Login guard under concurrency (issue 7): an attempt is now recorded as `pending` before its
-- password is hashed, in the same locked transaction as the check that admits it, and set to
-- success or failure afterwards (auth/login-guard.ts). A burst of parallel requests so counts
-- every attempt in flight, instead of each one seeing only the attempts already finished.
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check
  CHECK (outcome IN ('pending', 'success', 'failure', 'refused'));

-- Audit log retention (issue 7): the log is append-only (005), and now also has a retention
-- period like the records it traces, kept in `retention_policies` (entity 'audit') and set by
-- the département's data protection officer; the value shipped is the project's default, from
-- no official text. The one DELETE the triggers let through is the purge's
-- (rgpd/purge-audit-log.ts): it names its cutoff in the transaction-local setting
-- `dk.audit_purge_before`, and only rows written before that cutoff may go. UPDATE and TRUNCATE
-- stay refused to everyone, and so does any other DELETE.
INSERT INTO retention_policies (entity, retention_days, label) VALUES
  ('audit', 365, 'Journal des accès : 1 an');

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
DECLARE
  purge_before text := current_setting('dk.audit_purge_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(purge_before, '') <> ''
     AND OLD.at < purge_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
