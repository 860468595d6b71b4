/** @jest-environment node */
/**
 * Issue #22 point 7: a host that loads the CommonJS build (`require`) and a dependency that loads the
 * ES module build (`import`), or the other way round, hold two copies of every error class. A host's
 * `error instanceof ConfigError` must hold whichever copy threw it. Run over the built packages (`npm
 * test` builds first), in both loading orders, in a Node process of its own.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CallIntentError, ConfigError } from '../../lib/errors';

const root = join(__dirname, '..', '..');

/** One instance of each public error class, made with the constructor of `lib` (either build). */
const MAKE = `(lib) => ({
  ConfigError: new lib.ConfigError('accountId', 'is empty'),
  CallIntentError: new lib.CallIntentError('accept', 'd-1', 'unknown-invitation'),
  PublishError: new lib.PublishError('cobrowseOffered', 'visitorName', 'is empty'),
  RequestError: new lib.RequestError('GetClock', 500, 'down'),
  RequestTimeoutError: new lib.RequestTimeoutError('GetClock', 10),
  ConnectionLostError: new lib.ConnectionLostError('GetClock', 1006),
  QueueError: new lib.QueueError('GetClock', 'overflow', 'full'),
  ConnectionClosedError: new lib.ConnectionClosedError('client'),
  LpTagUnavailableError: new lib.LpTagUnavailableError(10),
  ResponseDecodeError: new lib.ResponseDecodeError('GetClock', 200, 'body: expected object'),
  HttpError: new lib.HttpError('https://example.invalid', 404, 'not found'),
})`;

/** For each class: is an instance from `from` an `instanceof` the class of `to` (and of Error)? */
const CHECK = `(from, to) => Object.entries((${MAKE})(from)).map(([name, error]) =>
  [name, error instanceof to[name], error instanceof Error, Object.keys(to).filter((other) => other.endsWith('Error') && other !== name && error instanceof to[other]).join('+')].join(' '))`;

function run(order: 'require first' | 'import first'): string[] {
  const load =
    order === 'require first'
      ? "const cjs = require('lp-call-streams'); const esm = await import('lp-call-streams');"
      : "const esm = await import('lp-call-streams'); const cjs = require('lp-call-streams');";
  const script = `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/');
    ${load}
    const check = ${CHECK};
    if (cjs.ConfigError === esm.ConfigError) throw new Error('one build loaded twice: the test would prove nothing');
    console.log(JSON.stringify({ cjsToEsm: check(cjs, esm), esmToCjs: check(esm, cjs) }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  expect(child.stderr).toBe('');
  const result: unknown = JSON.parse(child.stdout);
  if (typeof result !== 'object' || result === null || !('cjsToEsm' in result) || !('esmToCjs' in result)) throw new Error(child.stdout);
  return [result.cjsToEsm, result.esmToCjs].flat().map(String);
}

const NAMES = ['ConfigError', 'CallIntentError', 'PublishError', 'RequestError', 'RequestTimeoutError', 'ConnectionLostError', 'QueueError', 'ConnectionClosedError', 'LpTagUnavailableError', 'ResponseDecodeError', 'HttpError'];
/** "<name> <instanceof its class of the other build> <instanceof Error> <other classes it claims>" */
const EXPECTED = [...NAMES, ...NAMES].map((name) => `${name} true true `);

describe('instanceof across the CommonJS and ES module builds', () => {
  it('require first, then import: each error is an instance of its class in the other build, and of no other class', () => {
    expect(run('require first')).toEqual(EXPECTED);
  });

  it('import first, then require: the same', () => {
    expect(run('import first')).toEqual(EXPECTED);
  });
});

describe('the brand is no wider than the class', () => {
  it('an error that only shares the name is no instance; a subclass keeps the prototype rule both ways', () => {
    const impostor = Object.assign(new Error('x'), { name: 'ConfigError', field: 'accountId' });
    expect(impostor instanceof ConfigError).toBe(false);
    expect({ name: 'ConfigError' } instanceof ConfigError).toBe(false);
    const nothing: unknown = null;
    expect(nothing instanceof ConfigError).toBe(false);
    class HostConfigError extends ConfigError {}
    const own = new HostConfigError('accountId', 'is empty');
    expect([own instanceof HostConfigError, own instanceof ConfigError, own instanceof Error]).toEqual([true, true, true]);
    expect(new ConfigError('accountId', 'is empty') instanceof HostConfigError).toBe(false);
    expect(new CallIntentError('accept', 'd-1', 'unknown-invitation') instanceof ConfigError).toBe(false);
    expect(Object.create(ConfigError.prototype) instanceof ConfigError).toBe(true); // as before: the prototype chain
  });

  it('the brand is not enumerable: errors serialise and spread as before', () => {
    const error = new ConfigError('accountId', 'is empty');
    expect(Object.keys(error)).toEqual(['field', 'name']);
    expect(JSON.stringify(error)).toBe('{"field":"accountId","name":"ConfigError"}');
  });
});
