import type { StepDelay } from '../../../shared/persons/referral-delays';

const days = (n: number | null) => (n === null ? '—' : `${n.toFixed(1).replace('.', ',')} j`);

/** Delays between referral statuses, one row a step (shared/persons/referral-delays.ts). */
export function DelaysTable({ delays }: { delays: StepDelay[] }) {
  return (
    <section aria-labelledby="cadre-delais">
      <h2 id="cadre-delais">Délais entre statuts</h2>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">Étape</th>
            <th scope="col">Orientations</th>
            <th scope="col">Délai moyen</th>
            <th scope="col">Délai le plus long</th>
          </tr>
        </thead>
        <tbody>
          {delays.map((step) => (
            <tr key={step.label}>
              <th scope="row">{step.label}</th>
              <td>{step.count}</td>
              <td>{days(step.meanDays)}</td>
              <td>{days(step.maxDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
