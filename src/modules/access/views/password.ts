/** Change my password. */
import { button, type FormErrors, formView, html, type PageContext, pageLayout } from '../../../web/index.js';
import { passwordFields } from '../forms.js';
import { m } from '../messages.js';
import { PASSWORD_MIN_LENGTH } from '../rules.js';

export function passwordView(ctx: PageContext, errors: FormErrors | null = null): string {
  const lang = ctx.lang;
  // A password is never sent back to the browser, even after an error.
  const f = formView({ lang, errors, fields: passwordFields(lang) });
  return pageLayout(
    ctx,
    m.t(lang, 'access.password.title'),
    html`<p class="govuk-body">${m.t(lang, 'access.password.policy', { min: PASSWORD_MIN_LENGTH })}</p>
<form method="post" action="/account/password" novalidate>${f.hidden('_csrf', ctx.csrf ?? '')}
${f.input({ name: 'current_password', type: 'password', autocomplete: 'current-password' })}
${f.input({ name: 'new_password', type: 'password', autocomplete: 'new-password' })}
${f.input({ name: 'new_password_confirm', type: 'password', autocomplete: 'new-password' })}
${button({ text: m.t(lang, 'access.password.submit') })}
</form>`,
    { errors: f.summaryItems(), width: 'two-thirds', back: '/account' },
  );
}
