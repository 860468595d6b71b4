import { TestScheduler } from 'rxjs/testing';
import { createRegistry, keyOf } from '../../lib/conversations/registry';

describe('peers §3.7 ref-counted registry', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('first subscriber subscribes, later ones share, the last one unsubscribes', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const registry = createRegistry<string>();
      const source = cold('-a-b-c-d-e-f');
      let created = 0;
      const get = () =>
        registry.get('k', () => {
          created += 1;
          return source;
        });
      expectObservable(get(), '^------!').toBe('-a-b-c-');
      expectObservable(get(), '---^-------!').toBe('---b-c-d-e-');
      expectSubscriptions(source.subscriptions).toBe('^----------!');
      scheduler.flush();
      expect(created).toBe(1);
      expect(registry.keys()).toEqual([]);
    });
  });

  it('keys are independent, and a key subscribed again after teardown starts afresh', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const registry = createRegistry<string>();
      const a = cold('-a-a');
      const b = cold('--b');
      expectObservable(registry.get('a', () => a), '^--!').toBe('-a-');
      expectObservable(registry.get('b', () => b), '^--!').toBe('--b');
      expectObservable(registry.get('a', () => a), '----^--!').toBe('-----a-');
      expectSubscriptions(a.subscriptions).toBe(['^--!', '----^--!']);
    });
  });

  it('keyOf is stable regardless of key order', () => {
    expect(keyOf({ stage: ['OPEN'], convState: ['OPEN', 'CLOSE'] })).toBe(keyOf({ convState: ['OPEN', 'CLOSE'], stage: ['OPEN'] }));
    expect(keyOf({ convState: ['OPEN'] })).not.toBe(keyOf({ convState: ['CLOSE'] }));
  });
});
