// Several commands as one undo step (bulk accept, bulk dismiss): recipes run in order on the
// same draft, so either all apply or, if one throws, none do.
import type { Command } from './history';

export function batch(label: string, commands: readonly Command[]): Command {
  return {
    label,
    recipe: (draft) => {
      for (const command of commands) command.recipe(draft);
    },
  };
}
