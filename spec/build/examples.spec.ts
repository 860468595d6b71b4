/** @jest-environment node */
/**
 * Every TSDoc `@example` in lib/ and the emulator package is correct code: each is extracted into its own module and
 * type-checked (strict) against the library's real types, with `lp-call-streams` and
 * `lp-call-streams/testing` resolving to the sources. What an example takes from the host page
 * (a button, a banner function, a stream it already has) is declared once in PRELUDE below, with
 * the type the example relies on — so an example that misuses the API fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');

/** The host context examples may use without declaring it. */
const PRELUDE = `
import type { Observable } from 'rxjs';
import type { CallDialog, CallInput, CallPorts, CallState, CallStreams, EffectOutcome } from 'lp-call-streams';
import type { Connection } from 'lp-call-streams/connection';
import type { InboundFrame } from 'lp-call-streams/protocol';
declare global {
  const accountId: string;
  const visitor: { readonly name: string };
  const notification$: Observable<InboundFrame>;
  const state$: Observable<CallState>;
  const session$: Observable<CallState>;
  const dialog: CallDialog;
  const ports: CallPorts;
  const calls: CallStreams;
  const dispatch: (input: CallInput) => void;
  const connection: Connection;
  const subscriptionId: string;
  const socket: { send(data: string): void };
  const message: { readonly data: string };
  const frame$: { next(frame: InboundFrame): void };
  const diagnostics: { report(message: string): void };
  function fetchMyJwt(): Promise<string>;
  function render(value: unknown): void;
  function log(value: EffectOutcome | unknown): void;
  function showBanner(invitation: CallDialog): void;
  function hideBanner(reason: string): void;
  interface Window { lpTag?: unknown }
}
export {};
`;

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'static' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The `@example` blocks of a file: the comment lines after the tag, up to the next tag or the comment's end. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found: Example[] = [];
  lines.forEach((text, index) => {
    if (!/^\s*\*\s*@example\b/.test(text)) return;
    const body: string[] = [];
    for (let i = index + 1; i < lines.length; i += 1) {
      const line = lines[i] ?? '';
      if (/^\s*\*\//.test(line) || /^\s*\*\s*@\w+/.test(line)) break;
      body.push(line.replace(/^\s*\* ?/, ''));
    }
    const code = body.filter((line) => !line.startsWith('```')).join('\n').trim();
    found.push({ file: relative(root, file), line: index + 1, code });
  });
  return found;
}

const examples = [...sources(join(root, 'lib')), ...sources(join(root, 'packages', 'emulator', 'lib'))].flatMap(examplesOf);

describe('TSDoc @example blocks', () => {
  it('finds the examples (the extraction works)', () => {
    expect(examples.length).toBeGreaterThan(20);
    expect(examples.every((example) => example.code.length > 0)).toBe(true);
  });

  it('every example type-checks against the library', () => {
    const files = new Map<string, string>([[join(root, '__examples__', 'prelude.ts'), PRELUDE]]);
    examples.forEach((example, index) => {
      const code = /^\s*(import|export)\s/m.test(example.code) ? example.code : `${example.code}\nexport {};`;
      files.set(join(root, '__examples__', `example-${index}.ts`), `${code}\nexport {};\n`);
    });
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ES2022, // top-level await in Node examples
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      types: ['jest', 'node'],
      baseUrl: root,
      paths: {
        'lp-call-streams': ['./lib/index.ts'],
        'lp-call-streams/testing': ['./lib/testing/index.ts'],
        'lp-call-streams/protocol': ['./lib/protocol/index.ts'],
        'lp-call-streams/connection': ['./lib/connection/index.ts'],
        'lp-call-streams/readiness': ['./lib/readiness/index.ts'],
        'lp-call-streams-emulator': ['./packages/emulator/lib/index.ts'],
      },
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => files.get(name) ?? readFile(name);
    host.fileExists = (name) => files.has(name) || fileExists(name);
    host.getSourceFile = (name, language, onError, create) => {
      const text = files.get(name);
      return text === undefined ? getSourceFile(name, language, onError, create) : ts.createSourceFile(name, text, language);
    };
    const program = ts.createProgram([...files.keys()], options, host);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file !== undefined && files.has(diagnostic.file.fileName))
      .map((diagnostic) => {
        const name = diagnostic.file?.fileName ?? '';
        const index = Number(/example-(\d+)\.ts$/.exec(name)?.[1] ?? -1);
        const where = index >= 0 ? `${examples[index]?.file}:${examples[index]?.line}` : 'prelude';
        return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      });
    expect(problems).toEqual([]);
  });
});
