/** Create an account (the grant rule decides in the service). */
import { ROLES } from '../../../core/access.js';
import {
  button,
  type FormBody,
  type FormErrors,
  formView,
  html,
  type PageContext,
  pageLayout,
} from '../../../web/index.js';
import { newUserFields } from '../forms.js';
import { e, m } from '../messages.js';
import { PASSWORD_MIN_LENGTH } from '../rules.js';
import { roleName } from './shared.js';

export interface NewUserModel {
  prisons: readonly { code: string; name: string }[];
  values: FormBody | null;
  errors: FormErrors | null;
}

export function newUserView(ctx: PageContext, model: NewUserModel): string {
  const lang = ctx.lang;
  // The initial password is not sent back after an error: it must be typed again.
  const values = model.values ? { ...model.values, password: '' } : { lang: 'fr' };
  const f = formView({ lang, values, errors: model.errors, fields: newUserFields(lang) });
  return pageLayout(
    ctx,
    m.t(lang, 'access.users.new'),
    html`<p class="govuk-body">${m.t(lang, 'access.users.grant_rule')}</p>
<form method="post" action="/users/new" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${f.input({
  name: 'username',
  hint: e.t(lang, 'user.username_format'),
  autocomplete: 'off',
  spellcheck: false,
  classes: 'govuk-input--width-20',
})}
${f.input({ name: 'display_name', autocomplete: 'off' })}
${f.input({
  name: 'password',
  type: 'password',
  autocomplete: 'new-password',
  hint: m.t(lang, 'access.password.policy', { min: PASSWORD_MIN_LENGTH }),
})}
${f.checkboxes({ name: 'roles', small: true, items: ROLES.map((r) => ({ value: r, text: roleName(lang, r) })) })}
${f.checkbox({ name: 'national' })}
${f.checkboxes({
  name: 'prisons',
  small: true,
  hint: m.t(lang, 'access.users.prisons_hint'),
  items: model.prisons.map((p) => ({ value: p.code, text: `${p.name} (${p.code})` })),
})}
${f.radios({
  name: 'lang',
  inline: true,
  small: true,
  items: [
    { value: 'fr', text: m.t(lang, 'access.users.lang_fr') },
    { value: 'en', text: m.t(lang, 'access.users.lang_en') },
  ],
})}
${button({ text: m.t(lang, 'access.users.create') })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds', back: '/users' },
  );
}
