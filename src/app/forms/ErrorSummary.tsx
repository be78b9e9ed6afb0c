import type { Ref } from 'preact';
import type { AnswerIssue } from '../../../shared/forms/evaluate-form';
import { inputId } from '../../forms/answer-paths';
import { countOf } from '../format';

/** The list of what prevents signing, at the top of the form; each entry takes the agent to its field. */
export function ErrorSummary(props: {
  issues: readonly AnswerIssue[];
  labelOf: (issue: AnswerIssue) => string;
  onGo: (issue: AnswerIssue) => void;
  summaryRef: Ref<HTMLDivElement>;
}) {
  if (props.issues.length === 0) return null;
  return (
    <div
      class="alert alert-error"
      role="alert"
      tabIndex={-1}
      ref={props.summaryRef}
      aria-labelledby="resume-erreurs"
    >
      <h2 id="resume-erreurs">
        Le formulaire contient {countOf(props.issues.length, 'erreur', 'erreurs')}
      </h2>
      <ul>
        {props.issues.map((issue) => (
          <li key={issue.path.join('.')}>
            <a
              href={`#${inputId(issue.path)}`}
              onClick={(event) => {
                event.preventDefault();
                props.onGo(issue);
              }}
            >
              {props.labelOf(issue)} : {issue.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
