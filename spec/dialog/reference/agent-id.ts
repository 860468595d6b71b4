/**
 * REFERENCE MODEL (spec only): `dialogAgentId` as first written — Sets and array helpers, easy to
 * read. The library's version avoids those allocations (it runs for every COBROWSE dialog of every
 * snapshot); call-dialog.spec.ts checks both agree on random inputs.
 */
import type { CobrowseDialog, ConversationDetails } from '../../../lib/protocol/types';

export function referenceAgentId(dialog: CobrowseDialog, conversation: ConversationDetails | undefined): string | undefined {
  const consumers = new Set(conversation?.participants.filter((p) => p.role === 'CONSUMER').map((p) => p.id));
  const serviceOwner = dialog.metaData.serviceId?.split('#')[0];
  if (serviceOwner) consumers.add(serviceOwner);
  const participants = dialog.participants ?? [];
  const fromDialog = consumers.size > 0 ? participants.find((id) => !consumers.has(id)) : participants[1];
  return fromDialog ?? conversation?.participants.find((p) => p.role === 'ASSIGNED_AGENT')?.id;
}
