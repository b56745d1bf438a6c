// What the org scripts (setup:org, verify:org) share: reading their flags, and running the
// project's own Salesforce CLI with its JSON output captured.
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');

/**
 * Walks argv and hands each flag to `onFlag(flag, arg, value, inline)`. `--flag=value` and
 * `--flag value` both work; `value()` reads the flag's value (and records "needs a value" when
 * there is none, without swallowing the next flag). `onFlag` returns false for an unknown flag.
 * @param {string[]} argv
 * @param {(flag: string, value: () => string | undefined, inline: string | undefined) => boolean} onFlag
 * @returns {string[]} usage errors
 */
function scanFlags(argv, onFlag) {
    const errors = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
        const value = () => {
            const next = inline ?? argv[++i];
            if (next === undefined || (inline === undefined && next.startsWith('-') && next.length > 1)) {
                errors.push(`${flag} needs a value.`);
                if (inline === undefined && next !== undefined) i--;
                return undefined;
            }
            return next;
        };
        if (!onFlag(flag, value, inline)) {
            errors.push(`Unknown argument: ${arg}`);
        }
    }
    return errors;
}

/** The devDependency CLI's JS entry point, run with this Node: no shell, no .cmd shim on Windows. */
function sfCommand() {
    const entry = join(ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
    if (existsSync(entry)) return [process.execPath, entry];
    console.warn('node_modules/@salesforce/cli is missing (run npm ci); falling back to sf on PATH.');
    return [process.platform === 'win32' ? 'sf.cmd' : 'sf'];
}

/**
 * Runs a command. With `capture`, stdout is collected (for --json) instead of shown.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, capture?: boolean, stdin?: 'inherit' | 'ignore' }} [options]
 * @returns {Promise<{ code: number, stdout: string }>}
 */
function runCommand(command, args, { cwd = ROOT, capture = false, stdin = 'ignore' } = {}) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd, stdio: [stdin, capture ? 'pipe' : 'inherit', 'inherit'] });
        let stdout = '';
        child.stdout?.on('data', (chunk) => (stdout += chunk));
        child.on('error', (error) => {
            console.error(`Could not start ${command}: ${error.message}`);
            resolve({ code: 1, stdout });
        });
        child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout }));
    });
}

/**
 * Runs the project's `sf` with the given arguments.
 * @param {string[]} args
 * @param {{ cwd?: string, capture?: boolean, stdin?: 'inherit' | 'ignore' }} [options]
 */
function runSfCommand(args, options) {
    const [command, ...prefix] = sfCommand();
    return runCommand(command, [...prefix, ...args], options);
}

/** The JSON envelope of `sf ... --json` ({ status, result } or { status, name, message }), or undefined. */
function parseJson(stdout) {
    try {
        return JSON.parse(stdout);
    } catch {
        return undefined;
    }
}

module.exports = { parseJson, runCommand, runSfCommand, scanFlags, sfCommand };
