import type {
  FieldDefinition,
  FormDefinition,
  RepeatField,
  SectionDefinition,
} from './definition-schema';
import type { Condition } from './condition';

/**
 * How the fields of a definition sit together. Answers live in scopes: the form itself, and
 * each item of a repeat group. Sections (the steps, and `section` fields inside them) only
 * group fields: their children answer in the scope that holds the section.
 */
export interface ScopeEntry {
  field: FieldDefinition;
  /** Conditions of the sections around this field, outermost first: all must hold. */
  containers: Condition[];
  /** Ids of the sections around this field, outermost first (for the renderer's steps). */
  containerIds: string[];
}

/** The fields answering in one scope, depth first, with the sections around them. */
export function scopeEntries(
  fields: readonly FieldDefinition[],
  containers: Condition[] = [],
  containerIds: string[] = [],
): ScopeEntry[] {
  return fields.flatMap((field): ScopeEntry[] => {
    const self: ScopeEntry = { field, containers, containerIds };
    if (field.type !== 'section') return [self];
    const inner = field.visibleIf ? [...containers, field.visibleIf] : containers;
    return [self, ...scopeEntries(field.fields, inner, [...containerIds, field.id])];
  });
}

/** The scope of the form itself: every field of every step outside repeat groups. */
export function formScopeEntries(definition: FormDefinition): ScopeEntry[] {
  return definition.sections.flatMap((section: SectionDefinition) =>
    scopeEntries(section.fields, section.visibleIf ? [section.visibleIf] : [], [section.id]),
  );
}

/** Every field at any depth, repeat groups' children included. */
export function allFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.flatMap((field) =>
    field.type === 'section' || field.type === 'repeat'
      ? [field, ...allFields(field.fields)]
      : [field],
  );
}

export function isRepeat(field: FieldDefinition): field is RepeatField {
  return field.type === 'repeat';
}

/** Answer key of the consent block, reserved: no field may use it. */
export const CONSENT_KEY = 'consentement';
