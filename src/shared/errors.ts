/** Typed errors that cross the contract boundary as `{ ok: false, error: { type, message } }`. */

export const ERROR_TYPES = [
  'invalid-args',
  'unknown-channel',
  'forbidden',
  'not-found',
  'conflict',
  'locked',
  'bad-input',
  'network',
  'cancelled',
  'damaged',
  'internal',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export interface ErrorInfo {
  type: ErrorType;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toInfo(): ErrorInfo {
    return { type: this.type, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
