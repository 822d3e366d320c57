// Microsoft Threat Modeling Tool .tm7 → draft. Each drawing surface is a diagram; stencils map by
// their generic type (process, external interactor, data store, trust border), connectors become
// flows and threat instances become threats on their flow. Template-defined attributes that have
// no Threatloom property are kept as words in the description.
import type { DfdKind, Point, Problem } from '../model';
import { chooseAiType } from './ai-types';
import { MAX_RECORDS, type Draft, type DraftBoundary, type DraftDiagram, type DraftFlow, type DraftNode, type FlowEnd } from './draft';
import type { NoteLog } from './notes';
import { trustLevelFromName } from './scales';
import { readTmtThreats } from './tmt-threats';
import { num, paragraphs, quote, type Obj } from './text';
import { child, entries, properties, readXml, text, xsiType, type TmtProperty } from './tmt-xml';

type Role = DfdKind | 'flow' | 'box' | 'line' | 'note';

const BY_GENERIC: Readonly<Record<string, Role>> = {
  'GE.P': 'process',
  'GE.EI': 'external',
  'GE.DS': 'store',
  'GE.TB.B': 'box',
  'GE.DF': 'flow',
  'GE.TB.L': 'line',
  'GE.A': 'note',
};

const BY_XSI: Readonly<Record<string, Role>> = {
  StencilEllipse: 'process',
  StencilRectangle: 'external',
  StencilParallelLines: 'store',
  BorderBoundary: 'box',
  Connector: 'flow',
  LineBoundary: 'line',
  StencilAnnotation: 'note',
};

const ROLE_LABEL: Readonly<Record<Exclude<Role, 'note' | 'line'>, string>> = {
  process: 'process',
  external: 'external interactor',
  store: 'data store',
  box: 'trust boundary',
  flow: 'data flow',
};

/** Attributes handled explicitly, or meaningless outside TMT. */
const HANDLED = new Set(['Name', 'Out Of Scope', 'Reason For Out Of Scope', 'Dataflow Order']);
const UNSET = new Set(['', 'Select', 'Not Selected']);
const PROTOCOLS = /^(https?|smb|rpc|ldap|ssh|tls|ipsec|alpc|udp|tcp|named pipe|binary|amqp|grpc|websocket)$/i;
const NIL_GUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

export function readTmt(xml: string, notes: NoteLog): { draft: Draft } | { problems: Problem[] } {
  const read = readXml(xml);
  if ('error' in read) return { problems: [{ path: '', message: read.error }] };
  const root = read.root;
  const surfaces = entriesOf(child(child(root, 'DrawingSurfaceList'), 'DrawingSurfaceModel'));
  if (surfaces.length === 0 && child(root, 'DrawingSurfaceList') === undefined) {
    return { problems: [{ path: 'ThreatModel', message: 'not a Threat Modeling Tool model: there is no DrawingSurfaceList' }] };
  }
  const texts: string[] = [];
  let budget = MAX_RECORDS;
  const diagrams = surfaces.map((surface, s): DraftDiagram => {
    const name = text(child(surface, 'Header')) || valueOf(properties(surface).values, 'Name') || `Diagram ${s + 1}`;
    const out = { name, nodes: [] as DraftNode[], flows: [] as DraftFlow[], boundaries: [] as DraftBoundary[] };
    const shapes = [...entries(child(surface, 'Borders')), ...entries(child(surface, 'Lines'))];
    if (shapes.length > budget) notes.skip(`${shapes.length - Math.max(0, budget)} shapes of diagram ${quote(name)}`, `more than ${MAX_RECORDS} records in one file`);
    for (const entry of shapes.slice(0, Math.max(0, budget))) {
      budget--;
      const v = child(entry, 'Value');
      const guid = text(child(v, 'Guid')) || text(child(entry, 'Key'));
      const generic = text(child(v, 'GenericTypeId'));
      const role = BY_GENERIC[generic] ?? BY_XSI[xsiType(v)];
      const { header, values } = properties(v);
      let shapeName = valueOf(values, 'Name').trim();
      if (!role) {
        notes.skip(`shape ${quote(shapeName || header || guid)}`, `its type ${quote(generic || xsiType(v))} is not a Threat Modeling Tool element Threatloom knows`);
        continue;
      }
      if (role === 'note') {
        if (shapeName !== '') texts.push(shapeName);
        notes.change(`annotation ${quote(shapeName)}`, 'Threatloom has no free-text shapes; its text was added to the model description');
        continue;
      }
      if (shapeName === '' && header !== '' && role !== 'line') {
        shapeName = header;
        notes.change(`${ROLE_LABEL[role]} without a name`, `named ${quote(header)} after its stencil`);
      }
      const outOfScope = /^true$/i.test(valueOf(values, 'Out Of Scope'));
      const outOfScopeReason = valueOf(values, 'Reason For Out Of Scope');
      const extra = values.filter((p) => !HANDLED.has(p.name) && !UNSET.has(p.value.trim()));
      const key = guid;
      if (role === 'flow') {
        const yes = (n: string) => /^yes$/i.test(valueOf(values, n));
        const mapped = new Set(['Provides Confidentiality', 'Source Authenticated', 'Destination Authenticated']);
        out.flows.push({
          key,
          source: end(v, 'Source'),
          target: end(v, 'Target'),
          name: shapeName,
          description: words(extra.filter((p) => !mapped.has(p.name))),
          bidirectional: false,
          protocol: PROTOCOLS.test(header) ? header : '',
          encrypted: yes('Provides Confidentiality'),
          authenticated: yes('Source Authenticated') || yes('Destination Authenticated'),
          publicNetwork: false,
          vertices: curveMiddle(v),
          outOfScope,
          outOfScopeReason,
        });
      } else if (role === 'line') {
        const points = [coordinate(v, 'SourceX', 'SourceY'), ...curveMiddle(v), coordinate(v, 'TargetX', 'TargetY')].filter((p) => p !== undefined);
        out.boundaries.push({ key, shape: 'line', name: shapeName, description: words(extra), trustLevel: trustLevelFromName(`${shapeName} ${header}`), points });
      } else {
        const position = coordinate(v, 'Left', 'Top');
        const width = num(text(child(v, 'Width')));
        const height = num(text(child(v, 'Height')));
        const size = width !== undefined && height !== undefined && width > 0 && height > 0 ? { width, height } : undefined;
        if (role === 'box') {
          out.boundaries.push({ key, shape: 'box', name: shapeName, description: words(extra), trustLevel: trustLevelFromName(`${shapeName} ${header}`), position, size });
        } else {
          const choice = chooseAiType(role, shapeName, '', `${ROLE_LABEL[role]} ${quote(shapeName)} (stencil ${quote(header)})`, notes, [header]);
          out.nodes.push({
            key,
            kind: role,
            aiType: choice.aiType,
            name: shapeName,
            description: paragraphs(header ? `TMT stencil: ${header}.` : '', words(extra)),
            position,
            size,
            outOfScope,
            outOfScopeReason,
          });
        }
      }
    }
    return out;
  });

  if (diagrams.some((d) => d.boundaries.length > 0)) {
    notes.changeOnce('trust boundaries', 'the Threat Modeling Tool has no trust levels: boundaries named after the internet are untrusted, the others medium');
  }
  const meta = child(root, 'MetaInformation');
  const title = text(child(meta, 'ThreatModelName')).trim();
  if (title === '') notes.change('model title', 'the file has none; named "Imported Threat Modeling Tool model"');
  const contributors = text(child(meta, 'Contributors')).trim();
  const dependencies = text(child(meta, 'ExternalDependencies')).trim();
  return {
    draft: {
      title: title || 'Imported Threat Modeling Tool model',
      description: paragraphs(
        text(child(meta, 'HighLevelSystemDescription')),
        contributors ? `Contributors: ${contributors}` : '',
        dependencies ? `External dependencies: ${dependencies}` : '',
        ...texts.map((t) => `Diagram note: ${t}`),
      ),
      owner: text(child(meta, 'Owner')),
      reviewers: text(child(meta, 'Reviewer')).trim() ? [text(child(meta, 'Reviewer')).trim()] : [],
      assumptions: text(child(meta, 'Assumptions')),
      diagrams,
      ...readTmtThreats(entries(child(root, 'ThreatInstances')), notes),
    },
  };
}

function entriesOf(value: unknown): Obj[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is Obj => typeof v === 'object' && v !== null);
}

function valueOf(values: readonly TmtProperty[], name: string): string {
  return values.find((p) => p.name === name)?.value ?? '';
}

/** "Code Type: Managed; Running As: Kernel." for attributes Threatloom has no property for. */
function words(values: readonly TmtProperty[]): string {
  return values.length === 0 ? '' : `TMT attributes: ${values.map((p) => `${p.name}: ${p.value}`).join('; ')}.`;
}

function coordinate(v: unknown, xName: string, yName: string): Point | undefined {
  const x = num(text(child(v, xName)));
  const y = num(text(child(v, yName)));
  return x === undefined || y === undefined || Math.abs(x) > 1e7 || Math.abs(y) > 1e7 ? undefined : { x, y };
}

/** A connector is a curve through its handle: its midpoint (S + 2H + T) / 4 is the one vertex kept. */
function curveMiddle(v: unknown): Point[] {
  const s = coordinate(v, 'SourceX', 'SourceY');
  const h = coordinate(v, 'HandleX', 'HandleY');
  const t = coordinate(v, 'TargetX', 'TargetY');
  if (!s || !h || !t) return [];
  return [{ x: (s.x + 2 * h.x + t.x) / 4, y: (s.y + 2 * h.y + t.y) / 4 }];
}

/** An attached end names its element; a free end (nil GUID) keeps its point for snapping. */
function end(v: unknown, which: 'Source' | 'Target'): FlowEnd {
  const guid = text(child(v, `${which}Guid`));
  if (guid !== '' && !NIL_GUID.test(guid)) return { key: guid };
  const p = coordinate(v, `${which}X`, `${which}Y`);
  return p ? { point: p } : null;
}
