import type { Session } from '../../db/session';
import type { Route } from '../router';
import { GuideAdmin } from './GuideAdmin';
import { GuideSearch } from './GuideSearch';
import { ServiceSheet } from './ServiceSheet';
import { useGuide } from './use-guide';
import './guide.css';

export interface GuideScreenProps {
  route: Extract<Route, { name: 'guide' | 'guide-service' | 'guide-admin' }>;
  session: Session;
}

/** The guide's screens, in the chunk loaded by LazyGuide (lazy-screens.ts). */
export function GuideScreens({ route, session }: GuideScreenProps) {
  const guide = useGuide();
  switch (route.name) {
    case 'guide-admin':
      return <GuideAdmin session={session} />;
    case 'guide':
      return <GuideSearch guide={guide} visitId={route.visitId} />;
    case 'guide-service':
      return (
        <ServiceSheet key={route.id} guide={guide} serviceId={route.id} visitId={route.visitId} />
      );
  }
}
