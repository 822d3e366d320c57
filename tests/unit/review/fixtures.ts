// A small chatbot model for the four questions: user → app → LLM, the app and LLM inside a
// backend box, a vector DB nothing flows to, and a second diagram with no elements.
import type { ModelDocument, Threat } from '../../../shared/model';
import { createBoxBoundary, createDiagram, createFlow, createMitigation, createModel, createNode, createThreat } from '../../../shared/model';
import { deepFreeze } from '../editing/fixtures';

export function chatbot() {
  const user = createNode('actor', { x: 0, y: 100 }, 'User');
  const app = createNode('generic-process', { x: 300, y: 100 }, 'Chat app');
  const llm = createNode('llm', { x: 600, y: 100 }, 'LLM');
  const vector = createNode('vector-db', { x: 600, y: 300 }, 'Vector DB');
  const legacy = { ...createNode('generic-store', { x: 1200, y: 100 }, 'Legacy store'), outOfScope: true, outOfScopeReason: 'Retired' };
  const chat = { ...createFlow(user.id, app.id, 'Chat'), protocol: 'HTTPS' };
  const prompt = createFlow(app.id, llm.id, 'Prompt');
  const backend = { ...createBoxBoundary({ x: 250, y: 50 }, 'Backend'), size: { width: 600, height: 400 } };
  const main = { ...createDiagram('Main'), nodes: [user, app, llm, vector, legacy], flows: [chat, prompt], boundaries: [backend] };
  const empty = createDiagram('Training');
  const guard = createMitigation({ title: 'Prompt guardrails', status: 'planned' });
  const rejected = createMitigation({ title: 'Ban LLMs', status: 'rejected', rejectionReason: 'Not an option' });
  const threat = (title: string, fields: Partial<Threat>) => createThreat({ title, elementIds: [llm.id], ...fields });
  const threats = {
    injection: threat('Prompt injection', { likelihood: 4, impact: 4, mitigationIds: [guard.id] }), // high, no owner
    leak: threat('System prompt leak', { likelihood: 5, impact: 5, owner: 'Ana', mitigationIds: [rejected.id] }), // critical, mitigation rejected
    planned: threat('Jailbreak', { likelihood: 4, impact: 3, owner: 'Ben', mitigationIds: [guard.id] }), // high, planned
    low: threat('Odd answers', { likelihood: 1, impact: 1 }), // low
    accepted: threat('Denial of wallet', { likelihood: 5, impact: 5, status: 'mitigated' }), // not open
    unrated: threat('Unrated', { likelihood: null, impact: null }),
  };
  const doc: ModelDocument = deepFreeze({
    ...createModel('Chatbot', '2024-01-01T00:00:00.000Z'),
    diagrams: [main, empty],
    threats: Object.values(threats),
    mitigations: [guard, rejected],
  });
  return { doc, user, app, llm, vector, legacy, chat, prompt, backend, main, empty, guard, rejected, threats };
}
