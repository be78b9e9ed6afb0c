-- The person at the centre (issue 8): shared person files merged field by field, caseloads,
-- pins for a tour, referrals between professionals with their status history, and tasks.
-- Other issues query these tables (pilotage): keep names and columns, add rather than change.

-- A person (usager). `fields` holds the merged record, one entry per field with its value and
-- hybrid logical clock ({ "lastName": { "value": "…", "hlc": "…", "by": "<agent>",
-- "conflicts": [...] }, … }: shared/persons/person-fields.ts). The columns beside it are copies
-- kept for queries (duplicate detection, statistics by commune or age).
CREATE TABLE persons (
  id                 uuid PRIMARY KEY,
  site_id            text NOT NULL REFERENCES sites (id),
  birth_date         date,
  commune_insee      text,
  -- Last name then first name, lower case, accents and punctuation removed: duplicate search.
  name_key           text NOT NULL,
  fields             jsonb NOT NULL,
  created_by         uuid NOT NULL REFERENCES agents (id),
  created_at         timestamptz NOT NULL,
  version            bigint NOT NULL,
  updated_at         timestamptz NOT NULL,
  deleted_at         timestamptz,
  receipt_number     text NOT NULL UNIQUE,
  receipt_issued_at  timestamptz NOT NULL
);
CREATE INDEX persons_site_idx ON persons (site_id);
CREATE INDEX persons_duplicate_idx ON persons (name_key, birth_date);

-- The caseload: the professionals following a person ("Mes personnes suivies").
CREATE TABLE person_followers (
  person_id  uuid NOT NULL REFERENCES persons (id),
  agent_id   uuid NOT NULL REFERENCES agents (id),
  since      timestamptz NOT NULL,
  PRIMARY KEY (person_id, agent_id)
);
CREATE INDEX person_followers_agent_idx ON person_followers (agent_id);

-- Persons an agent keeps on the tablet for a tour without following them.
CREATE TABLE person_pins (
  person_id  uuid NOT NULL REFERENCES persons (id),
  agent_id   uuid NOT NULL REFERENCES agents (id),
  since      timestamptz NOT NULL,
  PRIMARY KEY (person_id, agent_id)
);
CREATE INDEX person_pins_agent_idx ON person_pins (agent_id);

-- Visits from forms name their person from now on; older visits keep a null here.
ALTER TABLE visits ADD COLUMN person_id uuid;
CREATE INDEX visits_person_idx ON visits (person_id);

-- A referral (orientation) of a person to another professional, another MDS or a partner.
-- The service orientations of the guide (table `orientations`) stay as they were: they name a
-- visit, not a person; from the person's file, "Orienter vers un service" makes a referral to
-- a partner naming the service (service_id, to_partner = its name).
CREATE TABLE referrals (
  id                 uuid PRIMARY KEY,
  person_id          uuid NOT NULL REFERENCES persons (id),
  from_agent_id      uuid NOT NULL REFERENCES agents (id),
  from_site_id       text NOT NULL REFERENCES sites (id),
  to_kind            text NOT NULL CHECK (to_kind IN ('agent', 'site', 'partner')),
  to_agent_id        uuid REFERENCES agents (id),
  to_site_id         text REFERENCES sites (id),
  to_partner         text,
  service_id         text,
  reason             text NOT NULL,
  urgency            text NOT NULL CHECK (urgency IN ('normale', 'prioritaire', 'urgente')),
  consent            boolean NOT NULL,
  documents          jsonb NOT NULL,
  status             text NOT NULL
                     CHECK (status IN ('envoyee', 'recue', 'en_cours', 'cloturee', 'refusee')),
  device_created_at  timestamptz NOT NULL,
  created_at         timestamptz NOT NULL,
  version            bigint NOT NULL,
  updated_at         timestamptz NOT NULL,
  receipt_number     text UNIQUE,
  receipt_issued_at  timestamptz,
  CHECK ((to_kind = 'agent') = (to_agent_id IS NOT NULL)),
  CHECK ((to_kind = 'site') = (to_site_id IS NOT NULL)),
  CHECK ((to_kind = 'partner') = (to_partner IS NOT NULL))
);
CREATE INDEX referrals_person_idx ON referrals (person_id);
CREATE INDEX referrals_to_agent_idx ON referrals (to_agent_id);
CREATE INDEX referrals_to_site_idx ON referrals (to_site_id);
CREATE INDEX referrals_from_site_idx ON referrals (from_site_id, status);

-- Every status a referral went through, `at` being the server time the change was accepted.
CREATE TABLE referral_events (
  referral_id  uuid NOT NULL REFERENCES referrals (id),
  seq          integer NOT NULL,
  status       text NOT NULL,
  at           timestamptz NOT NULL,
  agent_id     uuid NOT NULL REFERENCES agents (id),
  reason       text,
  -- The device's mutation id, so a status change sent twice is recorded once.
  event_id     uuid NOT NULL UNIQUE,
  PRIMARY KEY (referral_id, seq)
);

-- Something an agent has to do for a person; kind 'visite' is a planned visit.
CREATE TABLE tasks (
  id           uuid PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES persons (id),
  site_id      text NOT NULL REFERENCES sites (id),
  assignee_id  uuid NOT NULL REFERENCES agents (id),
  kind         text NOT NULL CHECK (kind IN ('visite', 'tache')),
  title        text NOT NULL,
  due_on       date NOT NULL,
  done_at      timestamptz,
  created_by   uuid NOT NULL REFERENCES agents (id),
  created_at   timestamptz NOT NULL,
  version      bigint NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX tasks_person_idx ON tasks (person_id);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, done_at);
CREATE INDEX tasks_site_idx ON tasks (site_id, due_on);

-- Pull scope beyond sites: a change about one person is also served to the agents whose
-- caseload, pins, referrals or tasks name that person (server/src/sync/build-pull.ts).
ALTER TABLE sync_changes ADD COLUMN person_id uuid;
CREATE INDEX sync_changes_person_idx ON sync_changes (person_id, seq);

-- Changes served to one agent only: a person leaving the agent's scope (unfollowed, unpinned)
-- is pulled as a `delete` of that person, which the device applies once its own unsent
-- records for that person are pushed. Re-entering the scope removes the row.
CREATE TABLE agent_scope_changes (
  agent_id   uuid NOT NULL REFERENCES agents (id),
  person_id  uuid NOT NULL,
  seq        bigint NOT NULL UNIQUE,
  PRIMARY KEY (agent_id, person_id)
);
