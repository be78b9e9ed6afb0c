import type { ReferralData } from './referral';
import type { TaskData } from './task';

/**
 * What of the tablet's referrals and tasks is the work of an MDS, for its cadre's view: the
 * referrals its agents sent, those addressed to the MDS or to one of its agents (a referral
 * from another MDS to an agent is logged under the sender's site, so the receiver is looked up
 * in the directory), and the tasks given to its agents. `agentSites` answers an agent's MDS from
 * the directory, undefined for an agent not pulled yet.
 */
export type AgentSites = (agentId: string) => readonly string[] | undefined;

export interface MdsDirection {
  sent: boolean;
  received: boolean;
}

export function referralDirection(
  referral: Pick<ReferralData, 'fromSiteId' | 'to'>,
  sites: readonly string[],
  agentSites: AgentSites,
): MdsDirection {
  const to = referral.to;
  const received =
    (to.kind === 'site' && sites.includes(to.siteId)) ||
    (to.kind === 'agent' && inMds(agentSites(to.agentId), sites));
  return { sent: sites.includes(referral.fromSiteId), received };
}

/** A task given to an agent of the MDS (by the task's site while the agent is unknown). */
export function taskOfMds(
  task: Pick<TaskData, 'assigneeId' | 'siteId'>,
  sites: readonly string[],
  agentSites: AgentSites,
): boolean {
  const assigneeSites = agentSites(task.assigneeId);
  return assigneeSites === undefined ? sites.includes(task.siteId) : inMds(assigneeSites, sites);
}

function inMds(agentSites: readonly string[] | undefined, sites: readonly string[]): boolean {
  return (agentSites ?? []).some((site) => sites.includes(site));
}
