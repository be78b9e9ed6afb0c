/** Where the agent is among the form's steps, and how to move: one section at a time on a tablet. */
export function StepNav(props: {
  titles: readonly string[];
  current: number;
  onGo: (index: number) => void;
}) {
  const { titles, current } = props;
  return (
    <nav class="steps" aria-label="Étapes du formulaire">
      <p class="step-progress">
        Étape {current + 1} sur {titles.length} : <strong>{titles[current]}</strong>
      </p>
      <progress
        max={titles.length}
        value={current + 1}
        aria-label={`Étape ${current + 1} sur ${titles.length}`}
      />
      <ol class="step-list">
        {titles.map((title, index) => (
          <li key={title}>
            <button
              type="button"
              class="step-link"
              aria-current={index === current ? 'step' : undefined}
              onClick={() => props.onGo(index)}
            >
              {index + 1}. {title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
