/** The call core over a source that ends while it is being subscribed: its other inputs are let go at once. */
import { EMPTY, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CallInput } from '../../lib/core/types';
import { dialog, dialogEvents, expected, snapshot } from './helpers';

const boom = new Error('boom');
const newScheduler = () => new TestScheduler((actual, expectedValue) => expect(actual).toEqual(expectedValue));
const decline: CallInput = { type: 'intent', id: 1, intent: 'decline', dialogId: 'dialog-1' };

describe('callCore over a source that ends synchronously', () => {
  it.each([
    ['completes', EMPTY, '|'],
    ['errors', throwError(() => boom), '#'],
  ])('lets go of the inputs at once when the source %s on subscribe', (_how, source, marbles) => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inputs = cold<CallInput>('a', { a: decline });
      expectObservable(source.pipe(dialogEvents({ inputs }))).toBe(marbles, undefined, boom);
      expectSubscriptions(inputs.subscriptions).toBe('(^!)');
    });
  });

  it('emits what the synchronous frames say, then completes, letting go of the inputs before they speak', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const inputs = cold<CallInput>('a', { a: decline });
      const events = of(snapshot([dialog({ ts: 1 })])).pipe(dialogEvents({ inputs }));
      expectObservable(events).toBe('(i|)', { i: { type: 'invited', dialog: expected() } });
      expectSubscriptions(inputs.subscriptions).toBe('(^!)');
    });
  });
});
