/** Who the agent is when participant ids look alike: the consumer is the serviceId's whole owner. */
import { createDialogTracker } from '../../lib/dialog';
import type { DialogEvent } from '../../lib/dialog/types';
import { FRAME_DEFAULTS } from '../../lib/testing/frames';
import { dialog, snapshot } from './helpers';

/** The agentId the tracker announces for a one-dialog snapshot built from `options`. */
function announcedAgentId(options: Parameters<typeof dialog>[0]): string | undefined {
  const events: readonly DialogEvent[] = createDialogTracker().apply({ type: 'frame', frame: snapshot([dialog(options)]) }, 0);
  expect(events).toHaveLength(1);
  return events[0]?.dialog.agentId;
}

describe('dialog agentId: telling the consumer from the agent', () => {
  it('an agent id that is a prefix of the serviceId owner is still the agent', () => {
    // The consumer `le1.356` owns the service; the agent `le1.35` is only a prefix of that owner.
    expect(announcedAgentId({ consumerId: 'le1.356', agentId: 'le1.35', serviceId: 'le1.356#svc' })).toBe('le1.35');
  });

  it('the serviceId owner (its whole part before #) is the consumer, even if not a CONSUMER participant', () => {
    expect(announcedAgentId({ consumerId: 'le1.356', agentId: 'le1.7', serviceId: 'le1.356#svc' })).toBe('le1.7');
  });

  it('without a serviceId only CONSUMER participants count as the consumer: any other id is the agent, even an empty one', () => {
    expect(announcedAgentId({ serviceId: null, agentId: '' })).toBe('');
    expect(announcedAgentId({ serviceId: null })).toBe(FRAME_DEFAULTS.agentId);
  });
});
