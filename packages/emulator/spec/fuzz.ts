/**
 * Arbitrary request frames for the robustness properties: near-valid envelopes with random bodies,
 * arbitrary JSON and arbitrary text.
 */
import fc from 'fast-check';

export const REQUEST_TYPES = [
  'InitConnection',
  'GetClock',
  '.GetClock',
  'KeepAlive',
  'cm.ConsumerRequestConversation',
  'ms.PublishEvent',
  'ms.SubscribeMessagingEvents',
  'cm.UpdateConversationField',
  'cqm.SubscribeExConversations',
  'cqm.UnsubscribeExConversations',
  'userprofile.GetUserProfile',
];

const envelope = fc.record(
  {
    kind: fc.constantFrom('req', 'resp', undefined),
    id: fc.oneof(fc.string({ maxLength: 70 }), fc.integer(), fc.double(), fc.constant(null)),
    type: fc.oneof(fc.constantFrom(...REQUEST_TYPES), fc.string()),
    body: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({
        dialogId: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        conversationId: fc.oneof(fc.string(), fc.integer()),
        fromSeq: fc.oneof(fc.integer(), fc.double()),
        subscriptionId: fc.string(),
        convState: fc.jsonValue({ maxDepth: 1 }),
        event: fc.jsonValue({ maxDepth: 2 }),
        conversationField: fc.jsonValue({ maxDepth: 3 }),
      }),
    ),
    headers: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);

/** Text frames a hostile or broken client might send. */
export const anyFrameText: fc.Arbitrary<string> = fc.oneof(
  envelope.map((frame) => JSON.stringify(frame)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string(),
);
