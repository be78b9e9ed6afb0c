import { taskState } from '../../shared/persons/task';
import type { AppDB } from './AppDB';
import {
  type LocalPerson,
  type LocalReferral,
  type LocalTask,
  localTaskSchema,
  parseRows,
} from './person-rows';
import { readFormDefinition } from './form-definitions';
import { listPersons, readPerson } from './persons';
import { listReferralsOf } from './referrals';
import { listTasks } from './tasks';
import { localVisitSchema, type LocalVisit } from './rows';
import { withReceipts } from './visit-receipts';

export interface CaseloadEntry {
  person: LocalPerson;
  /** Due date of the next visit planned (open task of kind `visite`), if any. */
  nextVisit?: string;
  lateTasks: number;
}

export interface Caseload {
  followed: CaseloadEntry[];
  pinned: CaseloadEntry[];
  /** Other files on the tablet (the agent's sites, referrals, tasks). */
  others: CaseloadEntry[];
}

/** "Mes personnes suivies", read offline from the tablet. `today` is YYYY-MM-DD. */
export async function readCaseload(db: AppDB, agentId: string, today: string): Promise<Caseload> {
  const tasks = await listTasks(db);
  const entry = (person: LocalPerson): CaseloadEntry => {
    const open = tasks.filter((t) => t.personId === person.id && t.doneAt === null);
    const nextVisit = open.find((t) => t.kind === 'visite')?.dueOn;
    return {
      person,
      ...(nextVisit ? { nextVisit } : {}),
      lateTasks: open.filter((t) => taskState(t, today) === 'late').length,
    };
  };
  const caseload: Caseload = { followed: [], pinned: [], others: [] };
  for (const person of await listPersons(db)) {
    if (person.followers.some((f) => f.agentId === agentId)) caseload.followed.push(entry(person));
    else if (person.pinnedBy.includes(agentId)) caseload.pinned.push(entry(person));
    else caseload.others.push(entry(person));
  }
  return caseload;
}

export interface PersonFile {
  person: LocalPerson;
  visits: LocalVisit[];
  referrals: LocalReferral[];
  tasks: LocalTask[];
  /** The title of the forms the visits were filled with, by `formId@version`, when on the tablet. */
  formTitles: ReadonlyMap<string, string>;
}

/** What a visit was, in words: its form's title, else the form's id. */
export function visitTitle(file: Pick<PersonFile, 'formTitles'>, visit: LocalVisit): string {
  return file.formTitles.get(`${visit.formId}@${visit.formVersion}`) ?? visit.formId;
}

/** A person's file with everything the tablet holds about them, for the file and the timeline. */
export async function readPersonFile(db: AppDB, personId: string): Promise<PersonFile | undefined> {
  const person = await readPerson(db, personId);
  if (person === undefined) return undefined;
  const visits = await withReceipts(
    db,
    parseRows(localVisitSchema, await db.visits.where('personId').equals(personId).toArray()),
  );
  const tasks = parseRows(
    localTaskSchema,
    await db.tasks.where('personId').equals(personId).toArray(),
  );
  const formTitles = new Map<string, string>();
  for (const visit of visits) {
    const key = `${visit.formId}@${visit.formVersion}`;
    if (formTitles.has(key)) continue;
    const definition = await readFormDefinition(db, visit.formId, visit.formVersion);
    if (definition) formTitles.set(key, definition.title);
  }
  return {
    person,
    formTitles,
    visits: visits.sort((a, b) => b.visitDate.localeCompare(a.visitDate)),
    referrals: await listReferralsOf(db, personId),
    tasks: tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  };
}
