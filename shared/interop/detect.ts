// Which format a file is in, decided by its content (never its extension). Parses once; the
// importer reuses the parsed value. A file that is none of ours gets a reason a user can act on.
import { parse as parseYaml } from 'yaml';
import { MODEL_FORMAT } from '../model';
import { isObj, obj, list, str } from './text';
import type { ImportFormat } from './types';

export interface Sniffed {
  readonly format: ImportFormat;
  /** The parsed JSON or YAML value (not for XML: the TMT importer parses that itself). */
  readonly data?: unknown;
  /** For 'unknown': why the file is not one we can import. */
  readonly reason?: string;
}

/** Aliases a YAML file may use; far above what real OTM files need, far below a "billion laughs". */
const YAML_MAX_ALIASES = 100;

export function detectFormat(text: string, _fileName?: string): ImportFormat {
  return sniff(text).format;
}

export function sniff(text: string): Sniffed {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const head = body.trimStart();
  if (head === '') return unknown('the file is empty');
  if (head.startsWith('<')) {
    return /<(\w+:)?ThreatModel[\s/>]/.test(head.slice(0, 4096))
      ? { format: 'tmt' }
      : unknown('it is XML, but not a Microsoft Threat Modeling Tool model (no <ThreatModel> element at the start)');
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (error) {
      return unknown(`it looks like JSON but cannot be read: ${message(error)}`);
    }
    return classify(data, 'json');
  }
  let data: unknown;
  try {
    data = parseYaml(body, { maxAliasCount: YAML_MAX_ALIASES, prettyErrors: true });
  } catch (error) {
    return unknown(`it is neither JSON, YAML nor XML that can be read: ${message(error)}`);
  }
  return classify(data, 'yaml');
}

function classify(data: unknown, syntax: 'json' | 'yaml'): Sniffed {
  const what = syntax === 'json' ? 'JSON' : 'YAML';
  if (!isObj(data)) {
    return unknown(syntax === 'json' ? 'it is JSON, but not an object with a threat model in it' : 'it is not a threat model: there is no JSON object, YAML mapping or XML document in it');
  }
  if (data['format'] === MODEL_FORMAT) return syntax === 'json' ? { format: 'threatloom', data } : unknown('it is a Threatloom model written as YAML; only JSON model files can be opened');
  if ('otmVersion' in data) return { format: syntax === 'json' ? 'otm-json' : 'otm-yaml', data };
  if ('trust_zones' in data || 'data_flows' in data) {
    return unknown('it is a TM-BOM file (OWASP threat-model-library), which Threatloom cannot import yet');
  }
  if ('summary' in data || 'detail' in data || 'summarize' in data || 'details' in data) {
    return { format: threatDragonVersion(data), data };
  }
  const project = data['project'];
  if (isObj(project) && ('name' in project || 'id' in project)) return { format: syntax === 'json' ? 'otm-json' : 'otm-yaml', data };
  return unknown(`it is ${what}, but not a Threat Dragon, Open Threat Model or Threatloom file`);
}

function threatDragonVersion(data: Record<string, unknown>): ImportFormat {
  const diagrams = list(obj(data['detail'])['diagrams']).map(obj);
  if (diagrams.some((d) => 'diagramJson' in d)) return 'threat-dragon-v1';
  if (diagrams.some((d) => 'cells' in d)) return 'threat-dragon-v2';
  const major = Number.parseInt(str(data['version']), 10);
  return Number.isFinite(major) && major >= 2 ? 'threat-dragon-v2' : 'threat-dragon-v1';
}

function unknown(reason: string): Sniffed {
  return { format: 'unknown', reason };
}

/** A parser's error message, one line, without the code frame YAML adds. */
export function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError || /call stack/i.test(text)) return 'it is nested too deeply to read';
  return text.split('\n')[0]!.slice(0, 300);
}
