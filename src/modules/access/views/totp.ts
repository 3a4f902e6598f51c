/** Two-step verification: offered, enrolment (QR code and key), on (turn off with a code). */
import {
  button,
  type FormErrors,
  formView,
  html,
  type PageContext,
  pageLayout,
  raw,
  type Raw,
} from '../../../web/index.js';
import { codeFields } from '../forms.js';
import { e, m } from '../messages.js';
import { csrfField, type Done, doneBanner } from './shared.js';

export interface TotpModel {
  eligible: boolean;
  enabled: boolean;
  /** Enrolment under way: the key and its QR code (an SVG made by the controller). */
  pending: { secret: string; qrSvg: string } | null;
  done: Done | null;
}

export function totpView(ctx: PageContext, model: TotpModel, errors: FormErrors | null = null): string {
  const lang = ctx.lang;
  const csrf = ctx.csrf ?? '';
  const f = formView({ lang, errors, fields: codeFields(lang) });
  const codeForm = (
    action: string,
    submit: string,
  ) => html`<form method="post" action="${action}" novalidate>${f.hidden('_csrf', csrf)}
${f.input({ name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', classes: 'govuk-input--width-10', spellcheck: false })}
${button({ text: submit })}
</form>`;
  let body: Raw;
  if (model.enabled) {
    body = html`<p class="govuk-body">${m.t(lang, 'access.totp.enabled_text')}</p>
${codeForm('/account/2fa/disable', m.t(lang, 'access.totp.disable'))}`;
  } else if (model.pending) {
    const svg = model.pending.qrSvg.replace(
      '<svg ',
      `<svg role="img" aria-label="${m.t(lang, 'access.totp.qr_label')}" width="220" height="220" `,
    );
    const key = model.pending.secret.replace(/(.{4})/g, '$1 ').trim();
    body = html`<ol class="govuk-list govuk-list--number"><li>${m.t(lang, 'access.totp.step_scan')}</li>
<li>${m.t(lang, 'access.totp.step_code')}</li></ol>
<figure class="pmis-qr">
${raw(svg)}<figcaption class="govuk-body">${m.t(lang, 'access.totp.qr_caption', { secret: key })}</figcaption></figure>
${codeForm('/account/2fa/confirm', m.t(lang, 'access.totp.confirm'))}`;
  } else if (model.eligible) {
    body = html`<p class="govuk-body">${m.t(lang, 'access.totp.intro')}</p>
<form method="post" action="/account/2fa/start">${csrfField(csrf)}${button({ text: m.t(lang, 'access.totp.start') })}</form>`;
  } else {
    body = html`<p class="govuk-body">${e.t(lang, 'totp.not_eligible')}</p>`;
  }
  return pageLayout(ctx, m.t(lang, 'access.totp.title'), body, {
    errors: f.summaryItems(),
    banner: doneBanner(lang, model.done),
    width: 'two-thirds',
    back: '/account',
  });
}
