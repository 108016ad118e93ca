// What storage failures mean for the person in front of the card.
import { CodedError } from '../domain/errors';

export const STORAGE_DOWN_MESSAGE = 'Valued couldn’t save this just now. Nothing was lost, please try again in a moment.';

export const storageUnavailable = (): CodedError => new CodedError('storage_unavailable', STORAGE_DOWN_MESSAGE);

/** Raised when an ETag-guarded update kept losing the race; callers may try again. */
export class TooMuchContentionError extends Error {
  constructor(what: string) {
    super(`gave up updating ${what} after repeated conflicts`);
  }
}
