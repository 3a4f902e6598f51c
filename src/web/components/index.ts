/** The pmis web kit's components (GOV.UK Frontend markup, pmis additions). */
export * from './shared.js';
export * from './form.js';
export * from './content.js';
export * from './navigation.js';
export * from './pmis.js';
