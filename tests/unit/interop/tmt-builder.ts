// Writes .tm7 XML shaped like the Threat Modeling Tool's DataContract output, for our own fixtures,
// hostile variants and the size benchmark. Only the parts the importer reads, plus filler.

export interface TmtShape {
  readonly guid: string;
  readonly kind: 'process' | 'external' | 'store' | 'box' | 'annotation' | 'mystery';
  readonly name?: string;
  /** The stencil's display name (the first header attribute). */
  readonly stencil?: string;
  readonly typeId?: string;
  readonly box?: { left: number; top: number; width: number; height: number };
  readonly attributes?: readonly (readonly [string, string])[];
  readonly lists?: readonly (readonly [string, readonly string[], number])[];
  readonly outOfScope?: string;
}

export interface TmtLine {
  readonly guid: string;
  readonly kind: 'flow' | 'line';
  readonly name?: string;
  readonly stencil?: string;
  readonly source?: string;
  readonly target?: string;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  readonly handle: readonly [number, number];
  readonly lists?: readonly (readonly [string, readonly string[], number])[];
}

export interface TmtThreat {
  readonly id: number;
  readonly surface: string;
  readonly flow?: string;
  readonly source?: string;
  readonly target?: string;
  readonly state: string;
  readonly priority: string;
  readonly title: string;
  readonly category: string;
  readonly description?: string;
  readonly justification?: string;
  readonly mitigation?: string;
}

export interface TmtModel {
  readonly name?: string;
  readonly owner?: string;
  readonly reviewer?: string;
  readonly contributors?: string;
  readonly assumptions?: string;
  readonly description?: string;
  readonly surfaces: readonly { guid: string; name: string; shapes: readonly TmtShape[]; lines: readonly TmtLine[] }[];
  readonly threats: readonly TmtThreat[];
  /** Characters of template filler in the KnowledgeBase, like the real files' 0.4–1.5 MB. */
  readonly knowledgeBase?: number;
}

export const NIL = '00000000-0000-0000-0000-000000000000';
const NS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model';
const ABS = 'http://schemas.datacontract.org/2004/07/ThreatModeling.Model.Abstracts';
const ARR = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const KB = 'http://schemas.datacontract.org/2004/07/ThreatModeling.KnowledgeBase';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const el = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : `<${name} xmlns="${ABS}">${esc(String(value))}</${name}>`;

function props(header: string | undefined, name: string | undefined, outOfScope?: string, attributes: readonly (readonly [string, string])[] = [], lists: TmtShape['lists'] = []): string {
  const any = (type: string, inner: string) => `<a:anyType i:type="b:${type}" xmlns:b="${KB}">${inner}</a:anyType>`;
  const string = (display: string, value: string | undefined) =>
    any('StringDisplayAttribute', `<b:DisplayName>${esc(display)}</b:DisplayName><b:Name/>${value === undefined ? '<b:Value i:nil="true"/>' : `<b:Value i:type="c:string" xmlns:c="http://www.w3.org/2001/XMLSchema">${esc(value)}</b:Value>`}`);
  return [
    `<Properties xmlns="${ABS}" xmlns:a="${ARR}">`,
    header === undefined ? '' : any('HeaderDisplayAttribute', `<b:DisplayName>${esc(header)}</b:DisplayName><b:Name/><b:Value i:nil="true"/>`),
    string('Name', name),
    outOfScope === undefined
      ? ''
      : any('BooleanDisplayAttribute', `<b:DisplayName>Out Of Scope</b:DisplayName><b:Name>oos</b:Name><b:Value i:type="c:boolean" xmlns:c="http://www.w3.org/2001/XMLSchema">${outOfScope}</b:Value>`) +
        string('Reason For Out Of Scope', outOfScope === 'true' ? 'Vendor managed' : undefined),
    ...attributes.map(([k, v]) => string(k, v)),
    ...(lists ?? []).map(
      ([k, options, index]) =>
        any('ListDisplayAttribute', `<b:DisplayName>${esc(k)}</b:DisplayName><b:Name>${esc(k)}</b:Name><b:Value i:type="a:ArrayOfstring">${options.map((o) => `<a:string>${esc(o)}</a:string>`).join('')}</b:Value><b:SelectedIndex>${index}</b:SelectedIndex>`),
    ),
    '</Properties>',
  ].join('');
}

const SHAPE: Record<TmtShape['kind'], [string, string]> = {
  process: ['StencilEllipse', 'GE.P'],
  external: ['StencilRectangle', 'GE.EI'],
  store: ['StencilParallelLines', 'GE.DS'],
  box: ['BorderBoundary', 'GE.TB.B'],
  annotation: ['StencilAnnotation', 'GE.A'],
  mystery: ['StencilCloud', 'GE.XYZ'],
};

function shape(s: TmtShape, i: number): string {
  const [type, generic] = SHAPE[s.kind];
  const b = s.box;
  return `<a:KeyValueOfguidanyType><a:Key>${s.guid}</a:Key><a:Value z:Id="s${i}" i:type="${type}">${el('GenericTypeId', generic)}${el('Guid', s.guid)}${props(s.stencil, s.name, s.outOfScope, s.attributes, s.lists)}${el('TypeId', s.typeId ?? generic)}${el('Height', b?.height)}${el('Left', b?.left)}${el('Top', b?.top)}${el('Width', b?.width)}</a:Value></a:KeyValueOfguidanyType>`;
}

function line(l: TmtLine, i: number): string {
  const [type, generic] = l.kind === 'flow' ? ['Connector', 'GE.DF'] : ['LineBoundary', 'GE.TB.L'];
  return `<a:KeyValueOfguidanyType><a:Key>${l.guid}</a:Key><a:Value z:Id="l${i}" i:type="${type}">${el('GenericTypeId', generic)}${el('Guid', l.guid)}${props(l.stencil, l.name, l.kind === 'flow' ? 'false' : undefined, [], l.lists)}${el('TypeId', generic)}${el('HandleX', l.handle[0])}${el('HandleY', l.handle[1])}${el('PortSource', 'None')}${el('PortTarget', 'None')}${el('SourceGuid', l.source ?? NIL)}${el('SourceX', l.from[0])}${el('SourceY', l.from[1])}${el('TargetGuid', l.target ?? NIL)}${el('TargetX', l.to[0])}${el('TargetY', l.to[1])}</a:Value></a:KeyValueOfguidanyType>`;
}

function threat(t: TmtThreat): string {
  const kv = (k: string, v: string | undefined) => (v === undefined ? '' : `<a:KeyValueOfstringstring><a:Key>${k}</a:Key><a:Value>${esc(v)}</a:Value></a:KeyValueOfstringstring>`);
  const b = (k: string, v: string | undefined) => (v === undefined ? `<b:${k} i:nil="true"/>` : `<b:${k}>${esc(v)}</b:${k}>`);
  return `<a:KeyValueOfstringThreatpc_P0_PhOB><a:Key>T${t.id}</a:Key><a:Value xmlns:b="${KB}">${b('ChangedBy', undefined)}${b('DrawingSurfaceGuid', t.surface)}${b('FlowGuid', t.flow ?? NIL)}${b('Id', String(t.id))}<b:Priority>${esc(t.priority)}</b:Priority><b:Properties>${kv('Title', t.title)}${kv('UserThreatCategory', t.category)}${kv('UserThreatShortDescription', 'Short text.')}${kv('UserThreatDescription', t.description)}${kv('PossibleMitigations', t.mitigation)}${kv('Priority', t.priority)}${kv('SDLPhase', t.mitigation ? 'Design' : undefined)}</b:Properties>${b('SourceGuid', t.source ?? NIL)}${b('State', t.state)}${b('StateInformation', t.justification)}${b('TargetGuid', t.target ?? NIL)}${b('TypeId', `TH${t.id}`)}</a:Value></a:KeyValueOfstringThreatpc_P0_PhOB>`;
}

export function buildTm7(m: TmtModel): string {
  const surfaces = m.surfaces
    .map(
      (s, i) =>
        `<DrawingSurfaceModel z:Id="d${i}" xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/">${el('GenericTypeId', 'DRAWINGSURFACE')}${el('Guid', s.guid)}${props('Diagram', s.name)}${el('TypeId', 'DRAWINGSURFACE')}<Borders xmlns:a="${ARR}">${s.shapes.map(shape).join('')}</Borders><Header>${esc(s.name)}</Header><Lines xmlns:a="${ARR}">${s.lines.map(line).join('')}</Lines><Zoom>1</Zoom></DrawingSurfaceModel>`,
    )
    .join('');
  const meta = (k: string, v: string | undefined) => (v === undefined ? `<${k}/>` : `<${k}>${esc(v)}</${k}>`);
  const filler = m.knowledgeBase
    ? `<a:GenericElements>${'<a:ElementType><a:Name>Filler stencil</a:Name><a:Description>Template text that the importer never reads.</a:Description></a:ElementType>'.repeat(Math.ceil(m.knowledgeBase / 120))}</a:GenericElements>`
    : '';
  return `<ThreatModel xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><DrawingSurfaceList>${surfaces}</DrawingSurfaceList><MetaInformation>${meta('Assumptions', m.assumptions)}${meta('Contributors', m.contributors)}<ExternalDependencies/>${meta('HighLevelSystemDescription', m.description)}${meta('Owner', m.owner)}${meta('Reviewer', m.reviewer)}${meta('ThreatModelName', m.name)}</MetaInformation><Notes/><ThreatInstances xmlns:a="${ARR}">${m.threats.map(threat).join('')}</ThreatInstances><ThreatGenerationEnabled>true</ThreatGenerationEnabled><Validations/><Version>4.3</Version><KnowledgeBase xmlns:a="${KB}">${filler}</KnowledgeBase></ThreatModel>`;
}
