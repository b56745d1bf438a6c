#!/usr/bin/env node
// `npm run test:package`: proves offline that force-app converts to a deployable package and that
// nothing an org deploy would reject is left (each check is described in scripts/lib/package-checks.js).
// Run after `npm run build`: only the compiled LWC .js deploys.
//   --keep        keep the converted metadata-format directory and print where it is
//   --root DIR    check another SFDX project (the Jest fixtures use it)
//   --json        print the findings as JSON on stdout instead of text
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { checkPackage, formatFinding } = require('./lib/package-checks.js');

const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = rootIndex === -1 ? fileURLToPath(new URL('..', import.meta.url)) : resolve(args[rootIndex + 1] ?? '.');
const started = performance.now();
const report = await checkPackage(root, { keepOutput: args.includes('--keep') });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const { problems, warnings, notes, outputDir } = report;

if (args.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
} else {
    for (const note of notes) console.log(`  ${note}`);
    if (outputDir) console.log(`  converted package kept in ${outputDir}`);
    for (const warning of warnings) console.warn(`warning ${formatFinding(warning)}`);
    for (const problem of problems) console.error(`✖ ${formatFinding(problem)}`);
    const counts = `${problems.length} problem(s), ${warnings.length} warning(s) in ${seconds}s`;
    if (problems.length > 0) console.error(`\ncheck-package: FAILED, ${counts}`);
    else console.log(`check-package: OK, force-app converts to a deployable package; ${counts}`);
}
process.exitCode = problems.length > 0 ? 1 : 0;
