import { Subject } from 'rxjs';
import { createTestCallClient } from 'lp-call-streams/testing';
import { answerCalls } from './answer-calls';

describe('answerCalls', () => {
  it('accepts on a click, and the call ends when the agent hangs up', () => {
    const t = createTestCallClient(); // a real client over a fake socket and a fake lpTag, in virtual time
    const accept$ = new Subject<void>();
    const states: string[] = [];
    const subscription = t.client.session$.subscribe((s) => states.push(s.status));
    subscription.add(answerCalls(t.client, accept$, new Subject<void>()).subscribe());
    t.advance(10); // connect: socket, InitConnection, subscription
    t.sendCall('INVITED'); // the agent invites to a video call
    accept$.next(); // the visitor clicks Accept
    t.advance(0);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    t.sendCall('ACCEPTED'); // LivePerson's call app joined
    t.sendCall('CLOSED', { state: 'CLOSE' }); // the agent hangs up
    expect(states).toEqual(['idle', 'invited', 'offered', 'accepting', 'joining', 'active', 'ended']);
    subscription.unsubscribe(); // closes the socket, unbinds from lpTag
  });

  it('declines on a click of Decline', () => {
    const t = createTestCallClient();
    const decline$ = new Subject<void>();
    const subscription = answerCalls(t.client, new Subject<void>(), decline$).subscribe();
    t.advance(10);
    t.sendCall('INVITED');
    decline$.next();
    t.advance(0);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
    subscription.unsubscribe();
  });
});
