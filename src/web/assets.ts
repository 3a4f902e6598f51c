/**
 * The pmis stylesheet: GOV.UK Frontend's Sass compiled with pmis settings (src/web/styles), once.
 * Compiling takes seconds, so the result is kept in a file under node_modules/.cache/pmis (ignored
 * by git, like node_modules), named by a hash of everything that goes into it (the Sass sources,
 * the versions of sass and govuk-frontend): a fresh clone compiles on its first page, every later
 * process reads the file. Served from one URL that carries the hash of the CSS itself
 * (`/assets/pmis-<hash>.css`), cached for a year; gzip when the browser accepts it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import * as sass from 'sass';

export interface Stylesheet {
  css: string;
  gzip: Buffer;
  /** First 16 hex digits of the SHA-256 of the CSS. */
  hash: string;
  /** `/assets/pmis-<hash>.css` */
  url: string;
  /** Where it came from, for the logs: compiled in this process, or read from the cache file. */
  source: 'compiled' | 'cache';
}

const STYLES_DIR = fileURLToPath(new URL('./styles/', import.meta.url));
const ENTRY = path.join(STYLES_DIR, 'pmis.scss');
const requireCjs = createRequire(import.meta.url);

function packageVersion(name: string): string {
  const file = requireCjs.resolve(`${name}/package.json`);
  const pkg: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : 'unknown';
}

/** node_modules/.cache/pmis, next to the govuk-frontend package in use; PMIS_CACHE_DIR overrides. */
export function cacheDir(): string {
  if (process.env.PMIS_CACHE_DIR) return process.env.PMIS_CACHE_DIR;
  const govuk = path.dirname(requireCjs.resolve('govuk-frontend/package.json'));
  return path.join(path.dirname(govuk), '.cache', 'pmis');
}

/** A hash of every input of the compilation: the Sass sources and the two package versions. */
export function inputHash(): string {
  const h = createHash('sha256');
  // sass does not export its package.json; its `info` names the compiler and its version.
  h.update(`${sass.info}\ngovuk-frontend ${packageVersion('govuk-frontend')}\n`);
  for (const f of fs
    .readdirSync(STYLES_DIR)
    .filter((n) => n.endsWith('.scss'))
    .sort()) {
    h.update(`${f}\n`);
    h.update(fs.readFileSync(path.join(STYLES_DIR, f)));
  }
  return h.digest('hex').slice(0, 24);
}

/** Compile the Sass now (no cache). Throws on a Sass error; warnings are errors too. */
export function compileStylesheet(): string {
  const warnings: string[] = [];
  const out = sass.compile(ENTRY, {
    style: 'compressed',
    importers: [new sass.NodePackageImporter()],
    logger: {
      warn: (message) => {
        warnings.push(message);
      },
      debug: () => undefined,
    },
  });
  if (warnings.length) throw new Error(`Sass warnings in ${ENTRY}:\n${warnings.join('\n')}`);
  return out.css;
}

function make(css: string, source: Stylesheet['source']): Stylesheet {
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 16);
  return { css, gzip: gzipSync(css, { level: 9 }), hash, url: `/assets/pmis-${hash}.css`, source };
}

let current: Stylesheet | undefined;

/** The stylesheet of this process: from the cache file when it matches the inputs, else compiled and cached. */
export function stylesheet(): Stylesheet {
  if (current) return current;
  const file = path.join(cacheDir(), `pmis-${inputHash()}.css`);
  try {
    current = make(fs.readFileSync(file, 'utf8'), 'cache');
    return current;
  } catch {
    // not cached yet
  }
  current = make(compileStylesheet(), 'compiled');
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, current.css);
    fs.renameSync(tmp, file); // atomic: a parallel process reads a whole file or none
  } catch {
    // a read-only install still works: compiled once per process
  }
  return current;
}

/** `/assets/pmis-<hash>.css`: the one URL of the stylesheet (compiles it on first use). */
export function stylesheetUrl(): string {
  return stylesheet().url;
}

/** GET /assets/pmis-<hash>.css: public, immutable for a year; any other hash is 404. */
// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function webAssetRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { hash: string } }>(
    '/assets/pmis-:hash.css',
    { config: { public: true }, schema: { hide: true } },
    async (req, reply) => {
      const s = stylesheet();
      if (req.params.hash !== s.hash) {
        return reply
          .status(404)
          .type('text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send('Not found');
      }
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding');
      const accepts = req.headers['accept-encoding'];
      if (typeof accepts === 'string' && /\bgzip\b/.test(accepts))
        return reply.header('content-encoding', 'gzip').send(s.gzip);
      return reply.send(s.css);
    },
  );
}
