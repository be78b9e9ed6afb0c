-- Login guard under concurrency (issue 7): an attempt is now recorded as `pending` before its
-- password is hashed, in the same locked transaction as the check that admits it, and set to
-- success or failure afterwards (auth/login-guard.ts). A burst of parallel requests so counts
-- every attempt in flight, instead of each one seeing only the attempts already finished.
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check
  CHECK (outcome IN ('pending', 'success', 'failure', 'refused'));
