import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { evaluateForm } from '../../shared/forms/evaluate-form';
import { PMI_VISITE } from '../../shared/forms/definitions/pmi-visite';
import { pathKey } from './answer-paths';
import { FieldList } from './FieldList';

const epdsStep = PMI_VISITE.sections.find((s) => s.id === 'bienEtreParent')!;
function renderStep(answers: Record<string, unknown>, showErrors = false) {
  const evaluation = evaluateForm(PMI_VISITE, answers);
  const onChange = vi.fn();
  const ctx = {
    answers,
    evaluation,
    computed: new Map(evaluation.computed.map((c) => [pathKey(c.path), c.value])),
    errors: new Map(showErrors ? evaluation.issues.map((i) => [pathKey(i.path), i.message]) : []),
    onChange,
  };
  render(<FieldList fields={epdsStep.fields} prefix={[]} ctx={ctx} />);
  return onChange;
}

describe('the form renderer', () => {
  it('shows only visible fields, each choice labelled in its group, and writes the answer on change', () => {
    const onChange = renderStep({});
    expect(screen.queryByRole('group', { name: /^Item 1 —/ })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Oui' }));
    expect(onChange).toHaveBeenCalledWith(['epdsPropose'], true);
  });

  it('raises the item 10 alert and ties the acknowledgement error to its field', () => {
    renderStep({ epdsPropose: true, epds10: '0' }, true);
    expect(screen.getByRole('alert').textContent).toMatch(/3114/);
    const group = screen.getByRole('group', { name: /^J’ai pris connaissance/ });
    const errorId = group.getAttribute('aria-describedby');
    expect(errorId && document.getElementById(errorId)?.textContent).toBe(
      'Ce champ est obligatoire.',
    );
    expect(screen.getByTestId('calcul-epdsScore').textContent).toBe('— (à compléter)');
  });
});
