-- Service guide (issue 6): data·inclusion structures and services imported from files, and the
-- orientations agents record towards them. Records are stored as the parsed data·inclusion
-- JSON; `version` is the change_seq of their last real change (an unchanged re-import keeps it).

CREATE TABLE guide_structures (
  id          text PRIMARY KEY,
  payload     jsonb NOT NULL,
  version     bigint NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE guide_services (
  id            text PRIMARY KEY,
  structure_id  text NOT NULL REFERENCES guide_structures (id),
  payload       jsonb NOT NULL,
  version       bigint NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX guide_services_structure_idx ON guide_services (structure_id);

-- An agent directs a person to a service during a visit; scoped to the agent's site.
CREATE TABLE orientations (
  id                 uuid PRIMARY KEY,
  site_id            text NOT NULL REFERENCES sites (id),
  service_id         text NOT NULL,
  service_name       text NOT NULL,
  visit_id           uuid,
  note               text,
  device_created_at  timestamptz NOT NULL,
  author_id          uuid NOT NULL REFERENCES agents (id),
  version            bigint NOT NULL,
  updated_at         timestamptz NOT NULL,
  receipt_number     text NOT NULL UNIQUE,
  receipt_issued_at  timestamptz NOT NULL
);
CREATE INDEX orientations_site_idx ON orientations (site_id);
