// N finished calls (invite → accept → hang-up, one conversation each) for the growth and heap
// benchmarks: the history a long-running page or process has behind it.

/** A realistic-looking conversation snapshot of one call dialog (for preloading N finished calls). */
export function preloadFrame(i, sessionState, ts) {
  const id = `pre-${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
  const conv = `cpre-${i.toString(16).padStart(7, '0')}-0000-4000-8000-000000000000`;
  return JSON.stringify({
    kind: 'notification',
    type: 'cqm.ExConversationChangeNotification',
    body: {
      subscriptionId: 'preload',
      changes: [
        {
          type: 'UPSERT',
          result: {
            convId: conv,
            conversationDetails: {
              participants: [{ id: 'consumer', role: 'CONSUMER' }],
              dialogs: [
                { dialogId: conv, dialogType: 'MAIN', channelType: 'MESSAGING', state: 'OPEN', metaData: {}, creationTs: 1, metaDataLastUpdateTs: ts },
                {
                  dialogId: id,
                  participants: ['consumer', 'le1.2'],
                  dialogType: 'OTHER',
                  channelType: 'COBROWSE',
                  metaData: { serviceId: `consumer#${id}`, mode: 'VIDEO_CALL', expires: 4_102_444_800, sessionState, dialogId: id },
                  state: sessionState === 'CLOSED' ? 'CLOSE' : 'OPEN',
                  creationTs: 1,
                  metaDataLastUpdateTs: ts,
                },
              ],
              state: 'OPEN',
              stage: 'OPEN',
              metaDataLastUpdateTs: ts,
            },
          },
        },
      ],
    },
  });
}

/** Feeds N invite → accept → hang-up calls (3 frames each) to `contender`. */
export function preload(contender, n, clock) {
  clock.now = 1_767_225_600_000;
  for (let i = 0; i < n; i++) {
    contender.feed(preloadFrame(i, 'INVITED', 3 * i + 1));
    contender.feed(preloadFrame(i, 'ACCEPTED', 3 * i + 2));
    contender.feed(preloadFrame(i, 'CLOSED', 3 * i + 3));
  }
}
