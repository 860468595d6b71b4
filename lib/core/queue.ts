/**
 * The call core's own queue scheduler. A command a host issues inside a handler of a step (an
 * `accept()` inside `invitation$`, say) must wait until that step has reached every subscriber:
 * the core's inputs are observed on this queue (`observeOn`), and its streams are subscribed on it
 * (`subscribeOn`), so whatever a handler starts is applied right after the delivery in hand — still
 * synchronously, before the outermost call returns.
 *
 * A private instance, not RxJS's shared `queueScheduler`: a host's own use of that one must not
 * wait behind a delivery of ours, nor ours behind theirs. RxJS does not export the class, so it is
 * reached through the shared instance, as redux-observable does for the same problem.
 */
import { queueScheduler, type SchedulerLike } from 'rxjs';

/** `QueueScheduler`'s constructor, as far as we use it: it takes the action class of the shared instance. */
type QueueSchedulerClass = new (actionClass: unknown) => SchedulerLike;

const actionClass: unknown = queueScheduler['schedulerActionCtor'];

export const callQueue: SchedulerLike = new (queueScheduler.constructor as QueueSchedulerClass)(actionClass);
