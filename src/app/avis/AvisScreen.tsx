import { useEffect, useRef, useState } from 'preact/hooks';
import {
  AVIS_ANSWER_LABELS,
  AVIS_ANSWERS,
  AVIS_QUESTIONS,
  type AvisAnswer,
  type AvisData,
} from '../../../shared/avis/avis';
import { avisMonth, queueAvis } from '../../db/avis';
import type { Session } from '../../db/session';
import { navigate } from '../router';
import { useServices } from '../services';
import { Pictogram } from './Pictogram';
import { canReadAloud, readAloud } from './read-aloud';
import './avis.css';

type Step = { name: 'start' } | { name: 'question'; index: number } | { name: 'thanks' };

const INTRO =
  'Donnez votre avis. C’est anonyme : votre nom n’est pas enregistré. Vous pouvez passer une question.';

/**
 * "Mon avis": the agent hands the tablet to the person at the end of a visit (offered on the
 * visit list right after signing, src/app/avis/AvisOffer.tsx, or opened from the list); the
 * app's menu is hidden meanwhile (App.tsx). One question at a
 * time, in easy-to-read words (FALC), with faces and big buttons, and a button that reads the
 * question aloud where the browser can. Answers are saved on the tablet at the end and sent
 * like any record, with nothing that names the person (shared/avis/avis.ts).
 */
export function AvisScreen({ session }: { session: Session }) {
  const { db, sync } = useServices();
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [answers, setAnswers] = useState<AvisData['answers']>({});
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);

  async function finish(final: AvisData['answers']) {
    try {
      await queueAvis(db, {
        id: crypto.randomUUID(),
        siteId: session.agent.siteIds[0] ?? '',
        month: avisMonth(new Date()),
        answers: final,
      });
      void sync.syncNow('save');
      setStep({ name: 'thanks' });
    } catch {
      setError('Enregistrement impossible sur la tablette. Réessayez.');
    }
  }

  function answer(index: number, value: AvisAnswer | undefined) {
    const id = AVIS_QUESTIONS[index]!.id;
    const next = { ...answers };
    if (value) next[id] = value;
    else delete next[id];
    setAnswers(next);
    if (index + 1 < AVIS_QUESTIONS.length) setStep({ name: 'question', index: index + 1 });
    else void finish(next);
  }

  if (step.name === 'start') {
    return (
      <main id="contenu" class="page avis">
        <h1 ref={heading} tabIndex={-1}>
          Mon avis
        </h1>
        <p class="avis-text">{INTRO}</p>
        <p class="hint">Professionnel : tendez la tablette à la personne.</p>
        <div class="avis-actions">
          {canReadAloud() && (
            <button
              type="button"
              class="button-secondary avis-listen"
              onClick={() => readAloud(INTRO)}
            >
              Écouter
            </button>
          )}
          <button
            type="button"
            class="button-primary avis-big"
            onClick={() => setStep({ name: 'question', index: 0 })}
          >
            Commencer
          </button>
        </div>
        <button
          type="button"
          class="button-link avis-skip"
          onClick={() => navigate({ name: 'visits' })}
        >
          Je ne veux pas donner mon avis
        </button>
      </main>
    );
  }

  if (step.name === 'thanks') {
    return (
      <main id="contenu" class="page avis">
        <h1 ref={heading} tabIndex={-1}>
          Merci pour votre avis !
        </h1>
        <p class="avis-text">Vous pouvez rendre la tablette au professionnel.</p>
        <div class="avis-actions">
          <button
            type="button"
            class="button-primary avis-big"
            onClick={() => navigate({ name: 'visits' })}
          >
            Terminer
          </button>
        </div>
      </main>
    );
  }

  const question = AVIS_QUESTIONS[step.index]!;
  return (
    <main id="contenu" class="page avis">
      <p class="avis-progress">
        Question {step.index + 1} sur {AVIS_QUESTIONS.length}
      </p>
      <h1 ref={heading} tabIndex={-1} id="avis-question">
        {question.text}
      </h1>
      {canReadAloud() && (
        <button
          type="button"
          class="button-secondary avis-listen"
          onClick={() => readAloud(question.text)}
        >
          Écouter la question
        </button>
      )}
      <div class="avis-answers" role="group" aria-labelledby="avis-question">
        {AVIS_ANSWERS.map((value) => (
          <button
            type="button"
            key={value}
            class={`avis-answer avis-${value}`}
            onClick={() => answer(step.index, value)}
          >
            <Pictogram answer={value} />
            <span>{AVIS_ANSWER_LABELS[value]}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        class="button-link avis-skip"
        onClick={() => answer(step.index, undefined)}
      >
        Je ne veux pas répondre
      </button>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
