/**
 * The demo places people through the one rule (compatible cells; the director's override only
 * where a director would decide it, with a reason): the breach report shows a few breaches, each
 * explained — an override that covers it, or an age assessment that changed a reading.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeActor } from '../src/core/access.js';
import { seedDemo } from '../src/demo/seed.js';
import { breachReport } from '../src/modules/housing/service.js';
import { testDatabase } from './helpers.js';

const database = await testDatabase();

test(
  'the demo places everyone through the rule; its breaches are few and each is explained',
  { timeout: 900_000 },
  async () => {
    await seedDemo(database, { scale: 0.3 });
    const q = async <R extends object>(sql: string, params: unknown[] = []) =>
      (await database.pool.query<R>(sql, params)).rows;
    // Every placement went through the rule; separation was overridden only by the director, with a reason.
    assert.deepEqual(await q(`SELECT count(*)::int AS n FROM placement WHERE via IS NULL`), [{ n: 0 }]);
    const overrides = await q<{
      overridden: string[];
      override_reason: string | null;
      over_capacity_reason: string | null;
      roles: string[];
    }>(
      `SELECT pl.overridden, pl.override_reason, pl.over_capacity_reason, u.roles FROM placement pl JOIN app_user u
        ON u.id = pl.override_by WHERE cardinality(pl.overridden) > 0`,
    );
    for (const o of overrides) {
      if (o.overridden.some((r) => r !== 'capacity')) {
        assert.ok(o.roles.includes('prison_director'), 'only the director overrides separation');
        assert.ok(o.override_reason?.trim());
      } else
        assert.ok((o.over_capacity_reason ?? o.override_reason)?.trim(), 'a reason for each placement over capacity');
    }
    const [dir] = await q<{ id: string }>(
      `SELECT u.id, u.roles, up.prison_id FROM app_user u JOIN user_prison up ON up.user_id = u.id WHERE u.username = 'directeur.bko'`,
    );
    const national = makeActor({
      id: dir.id,
      username: 'inspection',
      displayName: 'inspection',
      roles: ['prison_director'],
      national: true,
      prisonIds: [],
    });
    let cellsInBreach = 0;
    for (const code of ['BKO', 'KLK', 'KNB', 'BOL']) {
      const r = await breachReport(database.db, national, code, 'fr');
      cellsInBreach += r.cells.length;
      for (const c of r.cells)
        for (const b of c.breaches) {
          if (b.covered) {
            assert.ok(
              b.overrides.every((o) => o.reason?.trim() && o.by === 'directeur.bko'),
              `${c.cell_code}: covered by a reasoned override`,
            );
            continue;
          }
          // Not covered: an age assessment found an adult among those treated as minors.
          assert.equal(b.rule, 'minor_with_adult', `${code} ${c.cell_code}: ${b.rule} is unexplained`);
          for (const p of b.sides[1])
            assert.equal(
              (
                await q<{ n: number }>(
                  `SELECT count(*)::int AS n FROM age_assessment WHERE person_id = $1 AND result = 'adult'`,
                  [p.person_id],
                )
              )[0].n,
              1,
              `${p.name} became an adult by an assessment`,
            );
        }
    }
    assert.ok(cellsInBreach >= 1 && cellsInBreach <= 3, `a few breaches on the home page, not ${cellsInBreach}`);
    // The old demo's mixed cell A-01 no longer mixes untried and convicted people without a decision
    // (a person appealing a conviction is held as convicted, as the placement rule reads it).
    const mixed =
      await q(`SELECT c.code FROM placement pl JOIN admission a ON a.id = pl.admission_id JOIN cell c ON c.id = pl.cell_id
    WHERE pl.to_at IS NULL AND a.ended_at IS NULL GROUP BY c.code HAVING bool_or(a.legal_status IN ('convicted', 'appealing')) AND bool_or(a.legal_status IN ('under_investigation', 'awaiting_trial')) AND NOT bool_or(cardinality(pl.overridden) > 0)`);
    assert.deepEqual(mixed, []);
  },
);
