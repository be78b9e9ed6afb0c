-- Forms (issue 5): published form definitions, one row per (form, version), never updated:
-- a visit is validated against the exact version it was filled with, months later.
CREATE TABLE form_definitions (
  form_id       text NOT NULL,
  version       integer NOT NULL CHECK (version > 0),
  title         text NOT NULL,
  definition    jsonb NOT NULL,
  -- Null for the built-in forms published by the server itself at start.
  published_by  uuid REFERENCES agents (id),
  published_at  timestamptz NOT NULL,
  PRIMARY KEY (form_id, version)
);

-- A correction is a new visit naming the signed visit it replaces; both stay.
ALTER TABLE visits ADD COLUMN supersedes uuid;
