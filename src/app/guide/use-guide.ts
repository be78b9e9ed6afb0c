import { useMemo } from 'preact/hooks';
import type { ServiceRecord, StructureRecord } from '../../../shared/guide/schemas';
import { loadGuide } from '../../db/guide';
import { observe } from '../../db/observe';
import { toGuideEntries } from '../../guide/guide-entry';
import { GuideIndex } from '../../guide/search-index';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

export interface LoadedGuide {
  index: GuideIndex;
  structures: StructureRecord[];
  structuresById: Map<string, StructureRecord>;
  servicesById: Map<string, ServiceRecord>;
}

/**
 * The guide on this device and its search index, built once each time the stored guide
 * changes (a pull brought a page), never per keystroke. Undefined while loading.
 */
export function useGuide(): LoadedGuide | undefined {
  const { db } = useServices();
  const data = useObservable(() => observe(() => loadGuide(db)), [db]);
  return useMemo(() => {
    if (!data) return undefined;
    return {
      index: new GuideIndex(toGuideEntries(data.services, data.structures)),
      structures: data.structures,
      structuresById: new Map(data.structures.map((s) => [s.id, s])),
      servicesById: new Map(data.services.map((s) => [s.id, s])),
    };
  }, [data]);
}
