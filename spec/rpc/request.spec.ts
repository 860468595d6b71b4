import { NEVER, type Observable, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { ConnectionLostError, RequestError, RequestTimeoutError } from '../../lib/errors';
import type { InboundFrame, RequestFrame, ResponseFrame } from '../../lib/protocol/types';
import type { Link } from '../../lib/rpc/link';
import { exchange, sendRequest } from '../../lib/rpc/request';
import { brand } from '../../lib/errors';
import { ResponseDecodeError } from '../../lib/rpc/response-decode-error';

type Close = { readonly code: number; readonly reason: string };

function fakeLink(frame$: Observable<InboundFrame>, closed$: Observable<Close> = NEVER, onSend?: (frame: RequestFrame) => void) {
  const sent: RequestFrame[] = [];
  const forgotten: string[] = [];
  let counter = 0;
  const link: Link = {
    generation: 1,
    frame$,
    closed$,
    nextId: () => String(counter++),
    send: (frame) => {
      sent.push(frame);
      onSend?.(frame);
      return true;
    },
    forget: (id) => {
      forgotten.push(id);
    },
  };
  return { link, sent, forgotten };
}

const resp = (reqId: string, code: number, body: ResponseFrame['body']): ResponseFrame => ({ kind: 'resp', reqId, code, type: 'x', body });

describe('request over a link (listen, then send, take(1), timeout)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('sends on subscribe, emits the typed response for its id and completes', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const frames = hot<InboundFrame>('--o-r-', { o: resp('7', 200, { sequence: 1 }), r: resp('0', 200, { sequence: 4 }) });
      const { link, sent, forgotten } = fakeLink(frames);
      const request$ = sendRequest(link, 'ms.PublishEvent', { dialogId: 'd', event: { type: 'ChatStateEvent', chatState: 'COMPOSING' } }, { timeoutMs: 100, scheduler });
      expect(sent).toHaveLength(0); // cold
      expectObservable(request$).toBe('----(v|)', { v: { reqId: '0', code: 200, body: { sequence: 4 } } });
      expectSubscriptions(frames.subscriptions).toBe('^---!');
      scheduler.flush();
      expect(sent).toEqual([{ kind: 'req', id: '0', type: 'ms.PublishEvent', body: { dialogId: 'd', event: { type: 'ChatStateEvent', chatState: 'COMPOSING' } } }]);
      expect(forgotten).toEqual(['0']);
    });
  });

  it('errors with RequestError { code, body } for code ≥ 400', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const { link } = fakeLink(hot<InboundFrame>('--r', { r: resp('0', 400, 'Bad request') }));
      expectObservable(sendRequest(link, 'cm.ConsumerRequestConversation', undefined, { timeoutMs: 100, scheduler })).toBe(
        '--#',
        undefined,
        new RequestError('cm.ConsumerRequestConversation', 400, 'Bad request'),
      );
    });
  });

  it('errors with RequestTimeoutError (scheduler-driven) and forgets the id', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const frames = hot<InboundFrame>('-------r', { r: resp('0', 200, { currentTime: 1 }) });
      const { link, forgotten } = fakeLink(frames);
      expectObservable(sendRequest(link, 'GetClock', undefined, { timeoutMs: 5, scheduler })).toBe('-----#', undefined, new RequestTimeoutError('GetClock', 5));
      expectSubscriptions(frames.subscriptions).toBe('^----!');
      scheduler.flush();
      expect(forgotten).toEqual(['0']);
    });
  });

  it('errors with ConnectionLostError (not a timeout) when the socket dies first', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const { link } = fakeLink(hot<InboundFrame>('------'), hot<Close>('--c', { c: { code: 1006, reason: '' } }));
      expectObservable(sendRequest(link, 'GetClock', undefined, { timeoutMs: 5, scheduler })).toBe('--#', undefined, new ConnectionLostError('GetClock', 1006));
    });
  });

  it('errors with ResponseDecodeError for a 2xx body of the wrong shape', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const { link } = fakeLink(hot<InboundFrame>('-r', { r: resp('0', 200, { nope: 1 }) }));
      expectObservable(sendRequest(link, 'cqm.SubscribeExConversations', {}, { timeoutMs: undefined, scheduler })).toBe(
        '-#',
        undefined,
        expect.any(ResponseDecodeError),
      );
    });
  });

  it('a ResponseDecodeError names the request, the code and where the body went wrong', () => {
    const error = new ResponseDecodeError('cqm.SubscribeExConversations', 200, 'body.subscriptionId: expected string');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ResponseDecodeError');
    expect(error.message).toBe('cqm.SubscribeExConversations answered 200 with an unexpected body (body.subscriptionId: expected string)');
    expect([error.requestType, error.code, error.detail]).toEqual(['cqm.SubscribeExConversations', 200, 'body.subscriptionId: expected string']);
  });

  it("is instanceof for a ResponseDecodeError of the package's other build (its brand), not for another error's", () => {
    const fromOtherBuild = new Error('x');
    brand(fromOtherBuild, 'ResponseDecodeError');
    const otherError = new Error('y');
    brand(otherError, 'RequestError');
    expect([fromOtherBuild instanceof ResponseDecodeError, otherError instanceof ResponseDecodeError]).toEqual([true, false]);
  });

  it('unsubscribing cancels: the listener is gone and the id forgotten', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const frames = hot<InboundFrame>('------r', { r: resp('0', 200, { currentTime: 1 }) });
      const { link, forgotten } = fakeLink(frames);
      expectObservable(sendRequest(link, 'GetClock', undefined, { timeoutMs: 50, scheduler }), '^--!').toBe('');
      expectSubscriptions(frames.subscriptions).toBe('^--!');
      scheduler.flush();
      expect(forgotten).toEqual(['0']);
    });
  });

  it('listens before it sends: a synchronous answer is not lost', () => {
    const frames = new Subject<InboundFrame>();
    const { link } = fakeLink(frames, NEVER, (frame) => frames.next(resp(frame.id, 200, { currentTime: 42 })));
    const values: unknown[] = [];
    exchange(link, { kind: 'req', id: '9', type: 'GetClock' }, { timeoutMs: undefined, scheduler }).subscribe((value) => values.push(value));
    expect(values).toEqual([{ reqId: '9', code: 200, body: { currentTime: 42 } }]);
  });
});
