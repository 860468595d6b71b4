/** `callDialogs` over a source that ends while it is being subscribed: `declined$` is never subscribed. */
import { EMPTY, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { callDialogs } from '../../lib/dialog';
import { dialog, expected, snapshot } from './helpers';

const boom = new Error('boom');
const newScheduler = () => new TestScheduler((actual, expectedValue) => expect(actual).toEqual(expectedValue));

describe('callDialogs over a source that ends synchronously', () => {
  it.each([
    ['completes', EMPTY, '|'],
    ['errors', throwError(() => boom), '#'],
  ])('does not subscribe declined$ when the source %s on subscribe', (_how, source, marbles) => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const declined$ = cold<string>('a', { a: 'dialog-1' });
      expectObservable(source.pipe(callDialogs({ declined$ }))).toBe(marbles, undefined, boom);
      expectSubscriptions(declined$.subscriptions).toBe([]);
    });
  });

  it('emits what the synchronous frames say, then completes, without subscribing declined$', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const declined$ = cold<string>('a', { a: 'dialog-1' });
      const events = of(snapshot([dialog({ ts: 1 })])).pipe(callDialogs({ declined$ }));
      expectObservable(events).toBe('(i|)', { i: { type: 'invited', dialog: expected() } });
      expectSubscriptions(declined$.subscriptions).toBe([]);
    });
  });
});
