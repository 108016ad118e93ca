// One error type for every refusal the product makes on purpose. The code drives behaviour
// (which message to show, which HTTP status); the message is written for the person.

export type ErrorCode = 'invalid_input' | 'not_allowed' | 'not_found' | 'conflict' | 'storage_unavailable' | 'rate_limited';

export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Plain, kind words that can be shown to the person as they are. */
    readonly userMessage: string,
    /** Which form field the problem is in, when there is one. */
    readonly field?: string,
  ) {
    super(userMessage);
    this.name = 'CodedError';
  }
}

export const isCodedError = (e: unknown): e is CodedError => e instanceof CodedError;
