/**
 * Documented name equivalences used by the normaliser. PURE data, no I/O.
 *
 * Sources (copied into ./data/ with their attribution, see ./data/SOURCES.md):
 *  - name_variant_alternates_africapep.csv — PatrickAttankurugu/AfricaPEP (MIT),
 *    `_NAME_PREFIX_ALTERNATES`: French-Arabic given-name alternates of North/West Africa.
 *  - un_sahel_alias_clusters.csv — UN Security Council consolidated list (public data): real
 *    transliteration clusters (Koufa/Kouffa, Hamadoun/Hamadou, Belmokhtar/Belmukhtar, Ould/Walad,
 *    Youcef/Yusuf/Youssef, Obeida/Ubaydah...).
 *  - naming_particles_attestations.csv — "ag" (Tuareg, son of), "wallet" (Tuareg, daughter of),
 *    "ould" / "walad" (Moorish/Arab, son of), quoted from the UN records.
 *
 * A test (equivalences.test.ts) checks that every row of the copied AfricaPEP file is covered here,
 * so the table and its source cannot drift apart silently.
 */

/**
 * Kinship particles: "son of" / "daughter of". They link a name to the father's name and carry no
 * identity of their own, so matching drops them (the name as written is kept unchanged in storage).
 */
export const KINSHIP_PARTICLES: readonly string[] = [
  // Tuareg (Tamasheq): ag = son of; ult / oult / welet / wallet / walet = daughter of; wit (attested, low authority)
  'ag',
  'ult',
  'oult',
  'welet',
  'wellet',
  'wallet',
  'walet',
  'wit',
  // Moorish / Hassaniya Arabic: ould / wuld / walad / weld = son of; mint / mnt = daughter of
  'ould',
  'wuld',
  'walad',
  'weld',
  'mint',
  // Arabic: ben / bin / ibn = son of; bent / bint = daughter of
  'ben',
  'bin',
  'ibn',
  'bent',
  'bint',
];

/** Arabic article in its French spellings (el-, al-, ul-, ed-, ad-, es-, ech-...), dropped when it stands alone. */
export const ARTICLES: readonly string[] = [
  'el',
  'al',
  'ul',
  'ed',
  'ad',
  'es',
  'ech',
  'er',
  'ar',
  'et',
  'at',
  'ez',
  'az',
  'l',
];

/** Honorifics and alias markers that are not part of the identity. "dit" = "known as". */
export const TITLES: readonly string[] = [
  'hadj',
  'hadji',
  'elhadj',
  'elhadji',
  'alhadji',
  'alhaji',
  'elhaj',
  'haja',
  'hadja',
  'dit',
  'dite',
  'alias',
];

/**
 * Groups of given-name spellings that are the same name. Tokens are written in folded form
 * (lower case, no diacritics). The first member names the group.
 * Rows marked [AfricaPEP] come from name_variant_alternates_africapep.csv; [UN] from
 * un_sahel_alias_clusters.csv; [pmis] were added by this project from common Malian civil-registry
 * spellings (kept small; each is also reachable by the spelling rules in normalize.ts).
 */
export const NAME_GROUPS: readonly (readonly string[])[] = [
  ['abdoul', 'abdul', 'abdel'], // [AfricaPEP]
  ['mohamed', 'mohammed', 'muhammad', 'mohamad', 'mouhamed', 'mouhamadou', 'mohammad'], // [AfricaPEP] + [pmis]
  ['oumar', 'omar', 'umar'], // [AfricaPEP]
  ['ousmane', 'osman', 'uthman', 'othman', 'ousman', 'usman'], // [AfricaPEP] + [pmis]
  ['ibrahima', 'ibrahim', 'ibraheem', 'brahima', 'ibrahime'], // [AfricaPEP] + [pmis]
  ['moussa', 'musa', 'mousa', 'mossa'], // [AfricaPEP] + [UN] QDi.424 (Ag Moussa / Ag Mossa)
  ['amadou', 'ahmadou', 'ahmed', 'ahmad', 'hamadou', 'hamadoun', 'amadoun', 'hamadi'], // [AfricaPEP] + [UN] QDi.425 + [pmis]
  ['mamadou', 'mamadu', 'mahmadou', 'mahamadou', 'mamoudou'], // [AfricaPEP] + [pmis]
  [
    'boubacar',
    'abubakar',
    'abubakr',
    'aboubacar',
    'aboubakar',
    'boubakar',
    'bubakar',
    'aboubakr',
    'abou bakr',
    'abu bakr',
  ], // [AfricaPEP] + [UN] QDi.322
  ['seydou', 'saidou', 'saidu', 'seidou', 'sidou'], // [AfricaPEP] + [pmis]
  ['cheikh', 'sheikh', 'shaykh', 'cheick', 'cheik', 'chaikh'], // [AfricaPEP] + [pmis]
  ['ould', 'wuld', 'walad'], // [AfricaPEP] + [UN] QDi.015 (also handled as particles)
  ['ben', 'ibn', 'bin'], // [AfricaPEP] (also handled as particles)
  ['el', 'al', 'ul'], // [AfricaPEP] (also handled as articles)
  ['youssouf', 'youcef', 'yusuf', 'youssef', 'yousif', 'yousouf', 'yussuf'], // [UN] QDi.389 + [pmis]
  ['abou', 'abu', 'aboul'], // [UN] QDi.136, QDi.389
  ['mokhtar', 'mukhtar', 'moctar', 'mouktar'], // [UN] QDi.136 + [pmis]
  ['yahia', 'yahya', 'yaya', 'yehia'], // [UN] QDi.249 + [pmis]
  ['abderrahmane', 'abdarrahmane', 'abderahmane', 'abdourahamane', 'abdurrahman', 'abdourahmane', 'abdrahmane'],
  // [UN] QDi.298, QDi.314, QDi.423 + [pmis]
  ['ali', 'aly', 'alou'], // [pmis]
  ['hassane', 'hassan', 'hasan', 'hacen', 'alhassane', 'hassana'], // [UN] QDi.298 (Houcein/Husayn is a different name) + [pmis]
  ['souleymane', 'souleimane', 'sulayman', 'suleiman', 'soulemane', 'sileymane'], // [UN] QDi.298 + [pmis]
  ['aboubacrine', 'abacrine', 'boubacrine'], // [pmis] (Songhai form of Abu Bakr)
  ['fatoumata', 'fatimata', 'fatouma', 'fatima', 'fatma', 'fatimatou'], // [pmis] (sigpwned Mali 2010: Fatoumata)
  ['aminata', 'aminatou', 'amina'], // [pmis] (sigpwned Mali 2010: Aminata)
  ['mariam', 'mariama', 'maryam', 'mariame'], // [pmis] (sigpwned Mali 2010: Mariam)
  ['kadiatou', 'khadidja', 'kadidia', 'khadija', 'kadidiatou', 'kadija'], // [pmis] (sigpwned Mali 2010: Kadiatou)
  ['djeneba', 'jeneba', 'dieneba', 'zeinab', 'zeneba', 'zenab'], // [pmis] (sigpwned Mali 2010: Djeneba)
  ['sekou', 'sekouba', 'sekuba'], // [pmis] (sigpwned Mali 2010: Sekou)
  ['bakary', 'bakari', 'bakaye'], // [pmis] (sigpwned Mali 2010: Bakary)
  ['abdoulaye', 'abdoullahi', 'abdullahi', 'abdallah', 'abdellah', 'abdoullah', 'abdullah'], // [UN] QDi.252 (Abdellah) + [pmis]
  ['traore', 'trawre', 'traware'], // [pmis] Bambara family name, spelling variants
  ['coulibaly', 'kulibali', 'koulibali', 'coulibali'], // [pmis] Bambara family name
  ['toure', 'ture', 'tourey'], // [pmis]
  ['cisse', 'sisse', 'cise', 'sise'], // [pmis]
  ['maiga', 'maiga', 'mayga', 'maika'], // [pmis] Songhai family name
  ['keita', 'keyta', 'kaita'], // [pmis]
  ['diallo', 'jallo', 'djallo', 'dialo'], // [pmis] Fulfulde family name
  ['diarra', 'jara', 'djarra', 'diara'], // [pmis]
  ['sangare', 'sangarei', 'sangaret'], // [pmis]
];

/** Map from folded token to group name (first member). Built once. */
export const NAME_GROUP_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const g of NAME_GROUPS) for (const t of g) if (!t.includes(' ') && !m.has(t)) m.set(t, g[0]);
  return m;
})();
