import { createTrampoline } from '../../lib/session/trampoline';

describe('createTrampoline', () => {
  it('runs a task at once when idle', () => {
    const log: string[] = [];
    createTrampoline().run(() => log.push('a'));
    expect(log).toEqual(['a']);
  });

  it('runs a task started inside another after it, in order (not nested)', () => {
    const log: string[] = [];
    const trampoline = createTrampoline();
    trampoline.run(() => {
      log.push('a:start');
      trampoline.run(() => {
        log.push('b');
        trampoline.run(() => log.push('d'));
      });
      trampoline.run(() => log.push('c'));
      log.push('a:end');
    });
    expect(log).toEqual(['a:start', 'a:end', 'b', 'c', 'd']);
  });

  it('a task that throws drops what is queued behind it, rethrows, and the trampoline works again', () => {
    const log: string[] = [];
    const trampoline = createTrampoline();
    expect(() =>
      trampoline.run(() => {
        trampoline.run(() => log.push('never'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    trampoline.run(() => log.push('after'));
    expect(log).toEqual(['after']);
  });
});
