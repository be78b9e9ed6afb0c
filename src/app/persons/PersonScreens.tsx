import type { Session } from '../../db/session';
import { CadreRefusal, CadreScreen } from './CadreScreen';
import { CaseloadScreen } from './CaseloadScreen';
import { FollowUpSheetScreen } from './FollowUpSheetScreen';
import { NewPerson } from './NewPerson';
import { PersonFileScreen } from './PersonFileScreen';
import { ReferralForm } from './ReferralForm';
import { ReferralsScreen } from './ReferralsScreen';
import { TasksScreen } from './TasksScreen';
import type { PersonsRoute } from './persons-routes';
import './persons.css';

/** The person screens, in the lazily loaded chunk (lazy-screens.ts). */
export function PersonScreens({ route, session }: { route: PersonsRoute; session: Session }) {
  switch (route.name) {
    case 'persons':
      return <CaseloadScreen session={session} />;
    case 'person-new':
      return <NewPerson session={session} />;
    case 'person':
      return <PersonFileScreen key={route.id} personId={route.id} session={session} />;
    case 'person-orient':
      return <ReferralForm key={route.id} personId={route.id} session={session} />;
    case 'person-sheet':
      return <FollowUpSheetScreen personId={route.id} />;
    case 'tasks':
      return <TasksScreen session={session} />;
    case 'referrals':
      return <ReferralsScreen session={session} />;
    case 'cadre':
      return session.agent.role === 'cadre' ? <CadreScreen session={session} /> : <CadreRefusal />;
  }
}
