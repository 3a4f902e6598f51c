/**
 * The access pages' forms: each parsed by the API's own schema (schemas.ts) through the kit's form
 * layer, so a page and the API accept and refuse the same input, with errors naming the fields.
 */
import { Type } from '@sinclair/typebox';
import type { Lang } from '../../core/i18n.js';
import { fieldMessage, type FieldSpecs, type FormBody, parseForm, type ParseResult } from '../../web/index.js';
import { m } from './messages.js';
import { CodeBody, NewUserBody, type NewUser, type PasswordChange, PasswordChangeBody, ReasonBody } from './schemas.js';
import { PASSWORD_MAX_LENGTH } from './rules.js';

export const passwordFields = (lang: Lang): FieldSpecs => ({
  current_password: { label: m.t(lang, 'access.password.current') },
  new_password: { label: m.t(lang, 'access.password.new') },
  new_password_confirm: { label: m.t(lang, 'access.password.confirm') },
});

/** The password form: the API's body, and the new password typed twice (a page-only check). */
const PasswordForm = Type.Object(
  {
    ...PasswordChangeBody.properties,
    new_password_confirm: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export function parsePasswordForm(body: FormBody | undefined, lang: Lang): ParseResult<PasswordChange> {
  const fields = passwordFields(lang);
  // Passwords are taken as typed: spaces are part of them.
  const parsed = parseForm(PasswordForm, body, { lang, fields, trim: false });
  if (!parsed.ok) return parsed;
  const { new_password_confirm: confirm, ...value } = parsed.value;
  if (confirm !== value.new_password) {
    const label = fields.new_password_confirm?.label ?? '';
    return {
      ok: false,
      errors: [
        {
          name: 'new_password_confirm',
          id: 'new_password_confirm',
          pointer: '/new_password_confirm',
          kind: 'invalid',
          message: fieldMessage(lang, label, m.t(lang, 'access.password.mismatch')),
        },
      ],
    };
  }
  return { ...parsed, value };
}

export const codeFields = (lang: Lang): FieldSpecs => ({ code: { label: m.t(lang, 'web.login.code') } });

export const parseCodeForm = (body: FormBody | undefined, lang: Lang) =>
  parseForm(CodeBody, body, { lang, fields: codeFields(lang) });

export const newUserFields = (lang: Lang): FieldSpecs => ({
  username: { label: m.t(lang, 'access.username') },
  display_name: { label: m.t(lang, 'access.name') },
  password: { label: m.t(lang, 'access.password.initial') },
  roles: {
    label: m.t(lang, 'access.roles'),
    checkbox: true,
    messages: { required: m.t(lang, 'access.users.roles_required'), choose: m.t(lang, 'access.users.roles_required') },
  },
  national: { label: m.t(lang, 'access.scope.national'), checkbox: true },
  prisons: { label: m.t(lang, 'access.prisons'), checkbox: true },
  lang: { label: m.t(lang, 'access.lang') },
});

export function parseNewUserForm(body: FormBody | undefined, lang: Lang): ParseResult<NewUser> {
  // Usernames are lower case; a clerk may type capitals.
  const username = body?.username;
  const lowered: FormBody | undefined =
    typeof username === 'string' ? { ...body, username: username.toLowerCase() } : body;
  return parseForm(NewUserBody, lowered, { lang, fields: newUserFields(lang) });
}

/** The reason field of an action on an account: "reason" on the API, one field per action form on the page. */
export const reasonName = (action: string) => `reason_${action.replace(/\W/g, '_')}`;

export function parseReasonForm(
  body: FormBody | undefined,
  lang: Lang,
  action: string,
  required: boolean,
): ParseResult<{ reason?: string }> {
  const name = reasonName(action);
  const reason = body?.[name];
  const { [name]: _named, ...rest } = body ?? {};
  const renamed: FormBody = reason === undefined ? rest : { ...rest, reason };
  const parsed = required
    ? parseForm(ReasonBody, renamed, { lang, fields: { reason: { label: m.t(lang, 'access.reason') } } })
    : parseForm(Type.Partial(ReasonBody), renamed, { lang, fields: { reason: { label: m.t(lang, 'access.reason') } } });
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors.map((e) => (e.name === 'reason' ? { ...e, name, id: name } : e)) };
}
