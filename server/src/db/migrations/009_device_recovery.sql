-- Recovery keys of the tablets' encrypted data (issue 7, docs/SECURITY.md "Sur l'appareil").
-- One random key per agent and app installation, given to the tablet at each online login of
-- that agent there, never to anyone else: the tablet wraps its data key with it, so a wiped
-- tablet (too many wrong PINs, revoked) or a forgotten PIN gets its unsent records back through
-- an online login of the same agent. The tablet never stores the key itself.
CREATE TABLE device_recovery_keys (
  agent_id    uuid NOT NULL REFERENCES agents (id),
  install_id  uuid NOT NULL,
  secret      text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (agent_id, install_id)
);
