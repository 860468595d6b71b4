/**
 * The accounts the emulator knows. LivePerson's Domain API answers an unknown account with 404, so a
 * wrong `accountId` fails the same way here; a permissive emulator knows every account.
 */
import { HttpError } from './http-router';

/** What an account id may look like (as in the Domain API's paths). */
export const ACCOUNT_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** Account ids known by default: the ones the documentation and samples use. */
export const DEFAULT_ACCOUNTS: readonly string[] = ['123456', '12345678'];

/** The known accounts, changeable at run time (code, `POST /emulator/accounts`, the agent console). */
export interface AccountControl {
  /** True when every account id is accepted. */
  readonly permissive: boolean;
  /** The known account ids, in the order they were added. */
  list(): readonly string[];
  /** Adds an account id (no-op when known). */
  add(accountId: string): void;
  /** Whether the Domain API and the IdP answer for `accountId`. */
  knows(accountId: string): boolean;
}

/** Throws a RangeError for an id that is not an account id. */
export function checkAccountId(accountId: string): string {
  if (!ACCOUNT_ID.test(accountId)) throw new RangeError(`not an account id: ${accountId.slice(0, 64)} (letters, digits, _ . -; at most 64)`);
  return accountId;
}

export function createAccounts(initial: readonly string[], permissive: boolean): AccountControl {
  const known = new Set(initial.map(checkAccountId));
  return {
    permissive,
    list: () => [...known],
    add: (accountId) => void known.add(checkAccountId(accountId)),
    knows: (accountId) => permissive || known.has(accountId),
  };
}

/** Throws the 404 LivePerson's Domain API answers for an account it does not know. */
export function requireKnownAccount(accounts: AccountControl, accountId: string): void {
  if (!accounts.knows(accountId)) {
    throw new HttpError(404, `unknown account ${accountId}: this emulator knows ${accounts.list().join(', ')} (add one with POST /emulator/accounts, --account or start it with --permissive)`);
  }
}
