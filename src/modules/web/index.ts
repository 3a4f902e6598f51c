/**
 * The first page kit's front door: the HTML template, forms, layout and page plumbing of the pages
 * not yet on the kit (src/web). It imports no module; the registry's pages are in src/modules/registry.
 */
export { num, parseForm, text as formText } from './form-input.js';
export {
  checkbox,
  checkboxGroup,
  errorSummary,
  formErrors,
  hidden,
  radioGroup,
  selectField,
  textArea,
  textField,
  type FormErrors,
} from './forms.js';
export { html, raw, Raw } from './html.js';
export { APP_CSS, dl, layout, safeNext } from './layout.js';
export { csrfOk, page, send, type Req } from './page.js';
