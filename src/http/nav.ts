/**
 * The staff navigation, in menu order: each entry is shown to those who hold a permission its page
 * needs (the services still decide; the menu only stops offering what would be refused). Modules
 * whose pages are on the web kit give their own entries through their index.ts; the others are
 * listed here until they move (docs/architecture.md).
 */
import type { Actor, Permission } from '../core/access.js';
import { t } from '../core/i18n.js';
import type { NavEntry } from '../web/page.js';

const any =
  (...ps: Permission[]) =>
  (a: Actor): boolean =>
    ps.some((p) => a.permissions.has(p));

export const legacyNavigation: readonly NavEntry[] = [
  { href: '/', order: 0, text: (l) => t(l, 'web.nav.home'), visible: () => true },
  { href: '/people', order: 10, text: (l) => t(l, 'web.nav.people'), visible: any('person.read') },
  { href: '/estate', order: 20, text: (l) => t(l, 'web.nav.estate'), visible: any('estate.read') },
  // The daily breach report: for those who place people (security staff) and the director.
  {
    href: '/breaches',
    order: 25,
    text: (l) => t(l, 'web.nav.breaches'),
    visible: any('housing.move', 'housing.override'),
  },
  {
    href: '/backlog',
    order: 30,
    text: (l) => t(l, 'web.nav.backlog'),
    visible: (a) => a.permissions.has('justice.read') && a.permissions.has('statistics.read'),
  },
  {
    href: '/receptions',
    order: 40,
    text: (l) => t(l, 'web.nav.receptions'),
    visible: any('intake.security', 'intake.administration', 'intake.registry', 'intake.interview', 'health.write'),
  },
  { href: '/admissions/new', order: 50, text: (l) => t(l, 'web.nav.admission'), visible: any('custody.write') },
];
