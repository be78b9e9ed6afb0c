-- Protect (issue 7) with the persons work (issue 8): a referral status change is now sent
-- under the referral's id, so the tablet keeps it until the server answers; the event it
-- records carries the mutation's id. The push audit finds the referral, its person and its
-- site through that id.
CREATE OR REPLACE FUNCTION audit_accepted_mutations() RETURNS trigger AS $$
BEGIN
  INSERT INTO audit_log (at, agent_id, device_id, action, entity, entity_id, site_id, person_id, via)
  SELECT m.applied_at, m.agent_id, m.device_id, 'write', m.entity, m.entity_id::text,
         coalesce(c.site_id, r.from_site_id, p.site_id), about.person_id, 'push'
  FROM inserted m
  LEFT JOIN sync_changes c ON c.entity = m.entity AND c.entity_id = m.entity_id::text
  -- A referral status change names its referral; its event is keyed by the mutation's id.
  LEFT JOIN referral_events e ON m.entity = 'referralStatus' AND e.event_id = m.mutation_id
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
