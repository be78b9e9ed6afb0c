-- Foundation: sites, agents, devices, visits, the push journal and the pull change log.
-- Same SQL on PGlite and PostgreSQL 15+. Timestamps are server time unless named otherwise.

-- One global, monotonic sequence for every change a device may pull. A record's `version` is
-- the value taken when it was last written, so versions and pull cursors share one order.
CREATE SEQUENCE change_seq;

-- Receipt numbers ("2026-000123"): one sequence, never reset, so a number is never reused.
CREATE SEQUENCE receipt_number_seq;

CREATE TABLE sites (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('mds', 'antenne')),
  commune_insee  text NOT NULL,
  commune_name   text NOT NULL,
  latitude       double precision NOT NULL,
  longitude      double precision NOT NULL,
  version        bigint NOT NULL,
  updated_at     timestamptz NOT NULL
);

CREATE TABLE agents (
  id             uuid PRIMARY KEY,
  login          text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  role           text NOT NULL,
  -- scrypt$N$r$p$salt$hash (server/src/auth/password.ts)
  password_hash  text NOT NULL,
  -- Created by the demo seed, with the published demo password: production refuses to start.
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);

CREATE TABLE agent_sites (
  agent_id  uuid NOT NULL REFERENCES agents (id),
  site_id   text NOT NULL REFERENCES sites (id),
  PRIMARY KEY (agent_id, site_id)
);

-- A device is registered by each online login. Its bearer token is stored only as a SHA-256
-- hash; a device without a token (the demo seed's) can never authenticate.
CREATE TABLE devices (
  id                uuid PRIMARY KEY,
  agent_id          uuid NOT NULL REFERENCES agents (id),
  name              text NOT NULL,
  token_hash        text UNIQUE,
  token_expires_at  timestamptz,
  created_at        timestamptz NOT NULL,
  last_seen_at      timestamptz NOT NULL,
  revoked_at        timestamptz
);
CREATE INDEX devices_agent_idx ON devices (agent_id);

-- A visit is a signed form, immutable once stored (DESIGN §4).
CREATE TABLE visits (
  id                 uuid PRIMARY KEY,
  site_id            text NOT NULL REFERENCES sites (id),
  form_id            text NOT NULL,
  form_version       integer NOT NULL,
  answers            jsonb NOT NULL,
  status             text NOT NULL,
  -- Device clock when the agent saved it: shown, never used to order.
  device_created_at  timestamptz NOT NULL,
  author_id          uuid NOT NULL REFERENCES agents (id),
  version            bigint NOT NULL,
  updated_at         timestamptz NOT NULL,
  receipt_number     text NOT NULL UNIQUE,
  receipt_issued_at  timestamptz NOT NULL
);
CREATE INDEX visits_site_idx ON visits (site_id);

-- Every mutation the server has processed, accepted or not, with the answer it gave: a
-- mutation sent again gets the same answer and changes nothing (exactly-once effect).
CREATE TABLE applied_mutations (
  mutation_id  uuid PRIMARY KEY,
  device_id    uuid NOT NULL REFERENCES devices (id),
  agent_id     uuid NOT NULL REFERENCES agents (id),
  entity       text NOT NULL,
  entity_id    uuid NOT NULL,
  result       jsonb NOT NULL,
  applied_at   timestamptz NOT NULL
);

-- What pull serves: one row per record with its latest state, moved to the end of the log
-- (a new `seq`) each time the record is written. `site_id` null means visible to everyone.
CREATE TABLE sync_changes (
  entity     text NOT NULL,
  entity_id  text NOT NULL,
  site_id    text,
  seq        bigint NOT NULL UNIQUE,
  op         text NOT NULL CHECK (op IN ('put', 'delete')),
  payload    jsonb,
  PRIMARY KEY (entity, entity_id)
);
