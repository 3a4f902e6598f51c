import { t, type Lang } from './i18n.js';

/** One bad field: a JSON pointer to it (e.g. "/birth/date") and a message key with its parameters. */
export interface FieldError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
  /** A message already in the user's language (e.g. from the JSON-schema validator). */
  message?: string;
}

/** An error the user can act on. Rendered as application/problem+json (RFC 9457) in their language. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
    public readonly fields: FieldError[] = [],
  ) {
    super(key);
  }

  toProblem(lang: Lang, instance?: string): Problem {
    return {
      type: `https://pmis.invalid/problems/${this.key.replace(/^error\./, '').replace(/\./g, '-')}`,
      title: t(lang, this.key, this.params),
      status: this.status,
      code: this.key,
      ...(instance ? { instance } : {}),
      ...(this.fields.length
        ? {
            errors: this.fields.map((f) => ({
              field: f.field,
              code: f.key,
              message: f.message ?? t(lang, f.key, f.params),
            })),
          }
        : {}),
    };
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
}

export const invalid = (fields: FieldError[]) => new AppError(422, 'error.validation', {}, fields);
export const notFound = () => new AppError(404, 'error.not_found');
export const forbidden = (key = 'error.forbidden') => new AppError(403, key);
export const conflict = (key = 'error.conflict', params: Record<string, string | number> = {}) =>
  new AppError(409, key, params);
export const unauthenticated = () => new AppError(401, 'error.unauthenticated');
