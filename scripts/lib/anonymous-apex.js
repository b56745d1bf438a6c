// Anonymous Apex scripts (scripts/verify-org/apex/*.apex) are not classes, so apex-ls cannot check
// them as they are. scan-apex wraps each one into a synthetic class in its temporary workspace, with
// the script as the body of one static method, and maps apex-ls findings back to the script's own
// file and line. The header takes exactly one line, so script line N is class line N + 1.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const ANONYMOUS_APEX_DIR = join(ROOT, 'scripts', 'verify-org', 'apex');
const HEADER_LINES = 1;

/**
 * Placeholder values for the scan: the source-deploy form (classes unprefixed, as they are in the
 * workspace) and a literal tag. Same line count as the script.
 */
const SCAN_VALUES = { '{{NS}}': '', '{{NS__}}': '', '{{TAG}}': 'scantag1' };

/** @returns {string[]} absolute paths of the `.apex` scripts in `dir`, sorted */
function listAnonymousApexFiles(dir = ANONYMOUS_APEX_DIR) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((name) => name.endsWith('.apex'))
        .sort()
        .map((name) => join(dir, name));
}

/** `01-seed-owner.apex` -> `VerifyOrg_seed_owner`: a valid Apex class name (no `__`, no trailing `_`). */
function syntheticClassName(file) {
    const words = basename(file, '.apex')
        .split(/[^A-Za-z0-9]+/)
        .filter((word) => word && !/^\d+$/.test(word));
    return ['VerifyOrg', ...words].join('_');
}

/**
 * @param {string} file the script's path
 * @param {string} [source] its text (read from `file` when omitted)
 * @returns {{ className: string, classSource: string, lineOffset: number }}
 */
function wrapAnonymousApex(file, source = readFileSync(file, 'utf8')) {
    const className = syntheticClassName(file);
    const body = source.replace(/\{\{(NS|NS__|TAG)\}\}/g, (placeholder) => SCAN_VALUES[placeholder]);
    return {
        className,
        classSource: `public class ${className} { public static void run() {\n${body.trimEnd()}\n} }\n`,
        lineOffset: HEADER_LINES,
    };
}

/** The script's line for a line of the synthetic class (the header maps to line 1). */
function scriptLine(classLine, lineOffset = HEADER_LINES) {
    const line = Number(classLine);
    return Number.isFinite(line) ? Math.max(1, line - lineOffset) : classLine;
}

module.exports = {
    ANONYMOUS_APEX_DIR,
    listAnonymousApexFiles,
    scriptLine,
    syntheticClassName,
    wrapAnonymousApex,
};
