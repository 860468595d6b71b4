/**
 * The emulated agent: invites to a voice/video call (or co-browse), cancels, accepts/joins, hangs up,
 * lets an invitation expire, writes messages, closes conversations. Validates like a real agent
 * workspace would and throws {@link EmulatorControlError} (HTTP 4xx) otherwise.
 */
import { createHash } from 'node:crypto';
import type { EmulatorCore } from './core';
import { invitationTtlRefusal } from './limits';
import { CALL_MODES, mainDialog, openCobrowseDialog, type AgentIdentity, type CallMode, type StoredConversation, type StoredDialog } from './store';
import { EmulatorControlError, type AgentControl, type CallDialogResult, type DialogTarget } from './types';

/** The agent's identity: a uuid-shaped PId derived from its numeric id, and `"<accountId>.<numericId>"`. */
export function agentIdentity(numericId: string): AgentIdentity {
  const hex = createHash('sha256').update(`agent:${numericId}`).digest('hex');
  return {
    pid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    cobrowseId: (accountId) => `${accountId}.${numericId}`,
  };
}

/** A mode from an untrusted source, or a 400. */
export function callMode(value: unknown): CallMode {
  const mode = CALL_MODES.find((m) => m === value);
  if (mode === undefined) throw new EmulatorControlError(400, `mode must be one of ${CALL_MODES.join(', ')}`, 'bad-request');
  return mode;
}

function describe(conversation: StoredConversation, dialog: StoredDialog): CallDialogResult {
  const session = dialog.cobrowse;
  if (session === undefined) throw new EmulatorControlError(409, `dialog ${dialog.dialogId} is not a call dialog`, 'unknown-dialog');
  return {
    conversationId: conversation.convId,
    dialogId: dialog.dialogId,
    serviceId: session.serviceId,
    mode: session.mode,
    sessionState: session.sessionState,
    expiresAtMs: session.expiresAtMs,
  };
}

export function createAgentControl(core: EmulatorCore): AgentControl {
  const openConversation = (conversationId: string | undefined): StoredConversation => {
    if (conversationId === undefined) {
      const latest = core.store.latestOpen();
      if (latest === undefined) {
        throw new EmulatorControlError(409, 'no open conversation: the visitor must start one first (the sample page\'s "Start conversation" button)', 'no-conversation');
      }
      return latest;
    }
    const conversation = core.store.get(conversationId);
    if (conversation === undefined) throw new EmulatorControlError(404, `unknown conversation: ${conversationId}`, 'unknown-conversation');
    if (conversation.stage !== 'OPEN') throw new EmulatorControlError(409, `conversation ${conversationId} is closed: the visitor must start a new one`, 'conversation-closed');
    return conversation;
  };

  const callDialog = (target: DialogTarget = {}): { conversation: StoredConversation; dialog: StoredDialog } => {
    const conversation = openConversation(target.conversationId);
    const dialog =
      target.dialogId === undefined ? openCobrowseDialog(conversation) : conversation.dialogs.find((d) => d.dialogId === target.dialogId && d.cobrowse !== undefined);
    if (dialog === undefined) {
      if (target.dialogId !== undefined) throw new EmulatorControlError(404, `no call dialog ${target.dialogId} in conversation ${conversation.convId}`, 'unknown-dialog');
      throw new EmulatorControlError(409, `no open call dialog in conversation ${conversation.convId}: invite first`, 'no-call');
    }
    if (dialog.state !== 'OPEN') throw new EmulatorControlError(409, `the call ${dialog.dialogId} has already ended`, 'call-closed');
    return { conversation, dialog };
  };

  const invitedDialog = (target: DialogTarget | undefined, action: string): { conversation: StoredConversation; dialog: StoredDialog } => {
    const found = callDialog(target);
    if (found.dialog.cobrowse?.sessionState !== 'INVITED') {
      throw new EmulatorControlError(409, `cannot ${action}: the invitation was already accepted (hang up instead)`, 'call-accepted');
    }
    return found;
  };

  return {
    invite({ mode, conversationId, expiresInMs }) {
      const checkedMode = callMode(mode);
      const badTtl = expiresInMs === undefined ? undefined : invitationTtlRefusal('expiresInMs', expiresInMs);
      if (badTtl !== undefined) throw new EmulatorControlError(400, badTtl, 'bad-request');
      const conversation = openConversation(conversationId);
      const open = openCobrowseDialog(conversation);
      if (open?.cobrowse !== undefined) {
        const pending = open.cobrowse.sessionState === 'INVITED';
        const state = pending ? 'an invitation is still pending' : 'a call is in progress';
        throw new EmulatorControlError(409, `${state} in conversation ${conversation.convId} (dialog ${open.dialogId})`, pending ? 'invitation-pending' : 'call-in-progress');
      }
      return describe(conversation, core.invite(conversation, checkedMode, expiresInMs ?? core.options.invitationTtlMs));
    },
    cancel(target) {
      const { conversation, dialog } = invitedDialog(target, 'cancel');
      core.closeCall(conversation, dialog, 'cancel');
      return describe(conversation, dialog);
    },
    decline(target) {
      const { conversation, dialog } = invitedDialog(target, 'decline');
      core.closeCall(conversation, dialog, 'decline');
      return describe(conversation, dialog);
    },
    accept(target) {
      const { conversation, dialog } = invitedDialog(target, 'accept');
      core.accept(conversation, dialog);
      return describe(conversation, dialog);
    },
    hangup(target) {
      const { conversation, dialog } = callDialog(target);
      core.closeCall(conversation, dialog, 'hangup');
      return describe(conversation, dialog);
    },
    expire(target) {
      const { conversation, dialog } = invitedDialog(target, 'expire');
      core.closeCall(conversation, dialog, 'expire');
      return describe(conversation, dialog);
    },
    message({ text, conversationId }) {
      if (typeof text !== 'string' || text === '') throw new EmulatorControlError(400, 'text must be a non-empty string', 'bad-request');
      const conversation = openConversation(conversationId);
      const main = mainDialog(conversation);
      if (main === undefined || main.state !== 'OPEN') throw new EmulatorControlError(409, `the messaging dialog of ${conversation.convId} is closed`, 'conversation-closed');
      if (core.assignAgent(conversation)) {
        core.store.touch(conversation);
        core.changed(conversation, false);
      }
      const stored = core.append(conversation, main, core.agent.pid, 'ASSIGNED_AGENT', { type: 'ContentEvent', contentType: 'text/plain', message: text });
      return { conversationId: conversation.convId, dialogId: main.dialogId, sequence: stored.sequence };
    },
    closeConversation(options = {}) {
      const conversation = openConversation(options.conversationId);
      core.closeConversation(conversation, 'AGENT');
      return { conversationId: conversation.convId };
    },
  };
}
