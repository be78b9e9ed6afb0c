/**
 * The MDS a referral is sent from, which the managers' figures count it under and whose team
 * shares it (docs/SECURITY.md "Who sees what"): the person's own MDS when the agent works
 * there, the agent's only MDS otherwise; an agent of several MDS, none of them the person's,
 * chooses among theirs.
 */
export type SendingSite = { fixed: string } | { choices: readonly string[] };

export function sendingSite(personSiteId: string, agentSiteIds: readonly string[]): SendingSite {
  if (agentSiteIds.includes(personSiteId)) return { fixed: personSiteId };
  if (agentSiteIds.length === 1) return { fixed: agentSiteIds[0]! };
  return { choices: agentSiteIds };
}
