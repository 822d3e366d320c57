// Editing: commands that yield patches, and the one undo history that holds them.
export {
  HISTORY_LIMIT,
  canRedo,
  canUndo,
  emptyHistory,
  execute,
  redo,
  redoLabel,
  undo,
  undoLabel,
  type Command,
  type ExecuteResult,
  type History,
  type HistoryEntry,
  type StepResult,
} from './history';
export * from './commands';
