import fs from 'node:fs/promises'; import os from 'node:os'; import path from 'node:path'; import pg from 'pg';
import { openEmbedded } from './src/db/embedded.js';
import { connect } from './src/db/index.js';
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-dbg-')); await fs.chmod(tmp, 0o755);
const c = await openEmbedded(tmp, { log: console.log });
try {
  const { pool } = connect(c.url('postgres', 'admin'), { log: console.log });
  const a = new pg.Client({ connectionString: c.url('postgres', 'admin') }); await a.connect();
  await pool.query('CREATE TABLE IF NOT EXISTS hb (id int primary key, by text)'); await pool.query('INSERT INTO hb VALUES (1, null) ON CONFLICT DO NOTHING');
  const held = await pool.connect(); await held.query('BEGIN');
  const read = pool.query('SELECT pg_sleep(1.5), 42 AS answer');
  const write = pool.query(`UPDATE hb SET by = 'test' WHERE pg_sleep(1.5) IS NOT NULL`); write.catch((e) => console.log('write err', e.code));
  const t = pool.query('SELECT 2 AS x');
  await new Promise((r) => setTimeout(r, 300));
  console.log('terminate', (await a.query(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name LIKE 'pmis' AND pid <> pg_backend_pid()`)).rows);
  const timer = setTimeout(() => { console.log('HUNG', pool.totalCount, pool.idleCount, pool.waitingCount); process.exit(1); }, 8000);
  try { console.log('read', (await read).rows); } catch (e) { console.log('read err', e); }
  clearTimeout(timer);
  await a.end(); await pool.end();
} finally { await c.stop(); await fs.rm(tmp, { recursive: true, force: true }); }
