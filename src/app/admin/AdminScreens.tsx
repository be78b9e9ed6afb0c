import { roleLabels } from '../../../shared/schemas/agent';
import type { Session } from '../../db/session';
import { AdminRefusal } from '../AdminRefusal';
import { RetentionPanel } from '../rgpd/RetentionPanel';
import { adminHref, type AdminTab } from './admin-routes';
import { AgentsPanel } from './AgentsPanel';
import { AuditScreen } from './AuditScreen';
import { DevicesPanel } from './DevicesPanel';
import { SitesPanel } from './SitesPanel';
import './admin.css';

export interface AdminScreenProps {
  route: { name: 'admin'; tab: AdminTab } | { name: 'audit' };
  session: Session;
}

const TABS: Array<[AdminTab, string]> = [
  ['agents', 'Agents'],
  ['sites', 'Sites'],
  ['devices', 'Tablettes'],
  ['retention', 'Conservation'],
];

/** Administration (agents, sites, tablets, retention periods) for administrators; the audit log for cadres too. */
export function AdminScreens({ route, session }: AdminScreenProps) {
  const role = session.agent.role;
  if (route.name === 'audit') {
    if (role !== 'cadre' && role !== 'administrateur') {
      return (
        <main id="contenu" class="page">
          <h1>Journal des accès</h1>
          <p>
            Cet écran est réservé aux cadres et aux administrateurs ({roleLabels[role]} : pas
            d’accès).
          </p>
        </main>
      );
    }
    return <AuditScreen session={session} />;
  }
  if (role !== 'administrateur') return <AdminRefusal title="Administration" />;
  return (
    <main id="contenu" class="page admin">
      <h1>Administration</h1>
      <nav aria-label="Rubriques de l’administration" class="admin-tabs">
        {TABS.map(([tab, label]) => (
          <a
            key={tab}
            href={adminHref({ name: 'admin', tab })}
            aria-current={route.tab === tab ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {route.tab === 'agents' && <AgentsPanel session={session} />}
      {route.tab === 'sites' && <SitesPanel session={session} />}
      {route.tab === 'devices' && <DevicesPanel session={session} />}
      {route.tab === 'retention' && <RetentionPanel session={session} />}
    </main>
  );
}
