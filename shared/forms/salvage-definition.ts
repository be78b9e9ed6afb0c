import type { FieldDefinition, FormDefinition, SectionDefinition } from './definition-schema';
import { fieldDefinitionSchema } from './definition-schema';
import { conditionSchema } from './condition';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The parts of a structurally broken definition that do parse, so the rules between fields
 * are checked too and the administrator reads every problem at once. A field that does not
 * parse is replaced by a note keeping its id and place (its structural errors are already
 * listed, and paths stay right); a section or repeat group whose own properties parse keeps
 * its valid children.
 */
export function salvageDefinition(input: unknown): Pick<FormDefinition, 'sections'> {
  if (!isRecord(input) || !Array.isArray(input.sections)) return { sections: [] };
  const counter = { next: 0 };
  return {
    sections: input.sections.filter(isRecord).map((section): SectionDefinition => ({
      id: typeof section.id === 'string' ? section.id : '',
      title: '',
      visibleIf: salvageCondition(section.visibleIf),
      fields: salvageFields(section.fields, counter),
    })),
  };
}

function salvageCondition(raw: unknown) {
  const parsed = conditionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function salvageFields(raw: unknown, counter: { next: number }): FieldDefinition[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item): FieldDefinition => {
    const parsed = fieldDefinitionSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const id =
      isRecord(item) && typeof item.id === 'string' ? item.id : `\u0000${(counter.next += 1)}`;
    const placeholder: FieldDefinition = { type: 'note', id, label: id };
    if (!isRecord(item) || (item.type !== 'section' && item.type !== 'repeat')) return placeholder;
    const shell = fieldDefinitionSchema.safeParse({ ...item, fields: [placeholder] });
    if (!shell.success || (shell.data.type !== 'section' && shell.data.type !== 'repeat'))
      return placeholder;
    return { ...shell.data, fields: salvageFields(item.fields, counter) };
  });
}
