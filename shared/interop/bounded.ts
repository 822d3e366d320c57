// Text and properties cut to what a valid model allows, with a note for each cut.
import { LIMITS, componentType, type AiType, type PropertyValue } from '../model';
import type { NoteLog } from './notes';

export class Bounder {
  constructor(private readonly notes: NoteLog) {}

  name(value: string, what: () => string): string {
    return this.cut(value, LIMITS.name, 'name', what);
  }

  text(value: string, what: () => string, field = 'description'): string {
    return this.cut(value, LIMITS.description, field, what);
  }

  private cut(value: string, max: number, field: string, what: () => string): string {
    if (value.length <= max) return value;
    this.notes.change(what(), `${field} was ${value.length.toLocaleString('en')} characters; cut to ${max}`);
    return `${value.slice(0, max - 1)}…`;
  }

  /** Keeps only the properties the AI type defines, with values of the defined type. */
  properties(aiType: AiType, props: Readonly<Record<string, PropertyValue>> | undefined, what: () => string): Record<string, PropertyValue> {
    const defs = new Map(componentType(aiType).properties.map((d) => [d.key, d]));
    const kept: Record<string, PropertyValue> = {};
    for (const [key, value] of Object.entries(props ?? {})) {
      const def = defs.get(key);
      const ok =
        def !== undefined &&
        ((def.type === 'boolean' && typeof value === 'boolean') ||
          (def.type === 'text' && typeof value === 'string' && value.length <= LIMITS.name) ||
          (def.type === 'number' && typeof value === 'number' && value >= def.min && value <= def.max) ||
          (def.type === 'enum' && def.options.some((o) => o.value === value)));
      if (ok) kept[key] = value;
      else this.notes.skip(`${what()}: property ${JSON.stringify(key.slice(0, 60))}`, `not a valid property of ${componentType(aiType).label}`);
    }
    return kept;
  }
}
