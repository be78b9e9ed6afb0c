import type { ReferralTarget } from '../../../shared/persons/referral';
import type { DirectoryView } from './use-directory';

/** Who a referral is addressed to, in words. */
export function targetLabel(
  to: ReferralTarget,
  directory: Pick<DirectoryView, 'nameOf' | 'siteNameOf'>,
): string {
  if (to.kind === 'agent') return directory.nameOf(to.agentId);
  if (to.kind === 'site') return directory.siteNameOf(to.siteId);
  return to.partner;
}
