import { AVIS_ANSWER_LABELS, AVIS_ANSWERS, AVIS_QUESTIONS } from '../../../shared/avis/avis';
import { countCell, percent } from '../../../shared/pilotage/cells';
import type { PilotageTable } from '../../../shared/pilotage/report';
import type { Queryable } from '../db/database';
import { type PeriodParams, periodParams } from './period-visits';

/**
 * "Mon avis": the answers to each question for the period and the previous one. Answers carry
 * their month only, so a period counts every month it touches.
 */
export async function avisTable(db: Queryable, params: PeriodParams): Promise<PilotageTable> {
  const rows = await db.query<{ question: string; answer: string; cur: boolean; n: number }>(
    `SELECT q.id AS question, a.answers->>q.id AS answer,
            a.month >= date_trunc('month', $2::date)::date AS cur, count(*)::int AS n
       FROM avis a CROSS JOIN unnest($5::text[]) AS q(id)
      WHERE a.site_id = ANY($4::text[])
        AND a.month >= date_trunc('month', $1::date)::date AND a.month <= $3::date
        AND a.answers->>q.id IS NOT NULL
      GROUP BY 1, 2, 3`,
    [...periodParams(params), AVIS_QUESTIONS.map((q) => q.id)],
  );
  const count = (question: string, answer: string | undefined, cur: boolean) =>
    rows
      .filter(
        (r) =>
          r.question === question && r.cur === cur && (answer === undefined || r.answer === answer),
      )
      .reduce((sum, r) => sum + r.n, 0);
  return {
    id: 'avis',
    title: 'Mon avis : réponses des personnes',
    rowHeader: 'Question',
    columns: [
      ...AVIS_ANSWERS.map((answer) => ({
        key: answer,
        label: AVIS_ANSWER_LABELS[answer],
        unit: 'count' as const,
      })),
      { key: 'partOui', label: 'Part de « Oui »', unit: 'percent' },
    ],
    rows: AVIS_QUESTIONS.map((question) => ({
      key: question.id,
      label: question.text,
      cells: [
        ...AVIS_ANSWERS.map((answer) =>
          countCell(count(question.id, answer, true), count(question.id, answer, false)),
        ),
        {
          value: percent(count(question.id, 'oui', true), count(question.id, undefined, true)),
          previous: percent(count(question.id, 'oui', false), count(question.id, undefined, false)),
        },
      ],
    })),
    note: 'Questionnaire anonyme proposé à la fin des visites ; chaque mois touché par la période compte en entier.',
  };
}
