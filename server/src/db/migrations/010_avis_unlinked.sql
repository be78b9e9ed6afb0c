-- "Mon avis" (issue 9): nothing on the server may tie an answer to the tablet, the agent or the
-- visit it followed. The push journal `applied_mutations` names the device, the agent, the
-- record and the time of each mutation, and its audit trigger copies them to `audit_log`: an
-- answer's journal row would say who handed the tablet over, and when. Answers are journalled
-- here instead, for exactly-once only: a hash of the mutation id (a random value only the
-- tablet knew, never stored in clear) and the result given, without the mutation id. Neither
-- the answer's id nor its site, month, device, agent or time is kept beside it.
CREATE TABLE anonymous_mutations (
  -- hex SHA-256 of 'anonymous-mutation:' || mutation id (server/src/sync/journal.ts)
  key     text PRIMARY KEY,
  result  jsonb NOT NULL
);

-- Answers already pushed: their journal rows move here, hashed, and leave `applied_mutations`.
INSERT INTO anonymous_mutations (key, result)
SELECT encode(sha256(convert_to('anonymous-mutation:' || mutation_id::text, 'UTF8')), 'hex'),
       result - 'id'
  FROM applied_mutations
 WHERE entity = 'avis';
DELETE FROM applied_mutations WHERE entity = 'avis';

-- Their audit rows named the agent, the device and the answer's id. The log is append-only
-- for everyone; this migration, in its one transaction, is the single exception, for rows
-- that never concerned a person's record.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
DELETE FROM audit_log WHERE entity = 'avis';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;

-- Rows written in a push carry that push's transaction id (the `xmin` system column), shared
-- with the visit and the journal rows of the same push, and the table's physical order is the
-- order of arrival. Rewriting the answers in a transaction of their own, in the order of their
-- random ids, erases both; the server does the same for each site and month after every push
-- that brings answers (sync/entities/avis.ts).
WITH moved AS (DELETE FROM avis RETURNING id, site_id, month, answers)
INSERT INTO avis (id, site_id, month, answers)
SELECT id, site_id, month, answers FROM moved ORDER BY id;
