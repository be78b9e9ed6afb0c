-- Protect (issue 7, server), now that persons exist (004): the audit of accepted pushes names
-- the person and the site of every record about a person, including follows, pins and
-- referral status changes, whose mutation ids are not the id of a logged record.
CREATE OR REPLACE FUNCTION audit_accepted_mutations() RETURNS trigger AS $$
BEGIN
  INSERT INTO audit_log (at, agent_id, device_id, action, entity, entity_id, site_id, person_id, via)
  SELECT m.applied_at, m.agent_id, m.device_id, 'write', m.entity, m.entity_id::text,
         coalesce(c.site_id, r.from_site_id, p.site_id), about.person_id, 'push'
  FROM inserted m
  LEFT JOIN sync_changes c ON c.entity = m.entity AND c.entity_id = m.entity_id::text
  -- A referral status change is journalled under its own id: its event names the referral.
  LEFT JOIN referral_events e ON m.entity = 'referralStatus' AND e.event_id = m.entity_id
  LEFT JOIN referrals r ON r.id = e.referral_id
  CROSS JOIN LATERAL (
    SELECT CASE
             WHEN m.entity IN ('person', 'follow', 'pin') THEN m.entity_id::text
             ELSE coalesce(c.person_id::text, c.payload ->> 'personId', r.person_id::text)
           END AS person_id
  ) about
  LEFT JOIN persons p ON p.id::text = about.person_id
  WHERE m.result ->> 'status' = 'accepted';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
