import { buildProgram, reportError } from './cli/index.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  reportError(e);
  process.exitCode = 1;
}
