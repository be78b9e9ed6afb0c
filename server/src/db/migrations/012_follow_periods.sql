-- When each follow (a professional's caseload holding a person) started and ended, so the
-- Pilotage page counts the persons followed in a past period from the follows of that period,
-- not from today's caseload (issue 9). `person_followers` stays the current caseload; this
-- table keeps its history: a row opens when the follow starts and gets its `ended_at`, server
-- time, when the follow is removed. Follows from before this migration start at their `since`.
CREATE TABLE follow_periods (
  person_id   uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  agent_id    uuid NOT NULL REFERENCES agents (id),
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- At most one open follow per person and agent, as in person_followers.
CREATE UNIQUE INDEX follow_periods_open_idx ON follow_periods (person_id, agent_id)
  WHERE ended_at IS NULL;
CREATE INDEX follow_periods_person_idx ON follow_periods (person_id, started_at);

INSERT INTO follow_periods (person_id, agent_id, started_at)
SELECT person_id, agent_id, since FROM person_followers;
