/** The Bamako calendar day and clock time "HH:MM" of an instant (the gate's day and the visiting hours). */
import { TZ } from '../../../core/dates.js';

export { bamakoDate } from '../../../core/dates.js';

const hm = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export const bamakoTime = (d: Date = new Date()): string => hm.format(d);
