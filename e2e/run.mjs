#!/usr/bin/env node
// End-to-end tests: the real components in headless Chromium against the sample org preview.
// Builds the components and the preview (the preview into a temporary folder of its own, so that
// two runs at once, or `npm start` beside one, never rebuild each other's preview; the compiled
// components and e2e/screenshots/ stay shared), serves it on a free port, runs each
// scenario with axe-core, saves a screenshot per screen to e2e/screenshots/, and fails on any
// console error, page error, failed request or serious/critical accessibility violation.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPreview } from '../preview/build.mjs';
import { startServer } from '../preview/serve.mjs';
import { SAMPLE_ORG_BANNER } from '../preview/constants.mjs';
import { SCENARIOS } from './scenarios.mjs';

const require = createRequire(import.meta.url);
const { findBrowser, preflight } = require('../scripts/lib/prerequisites.js');
const E2E = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(E2E);
const SCREENSHOTS = join(E2E, 'screenshots');
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
];
/** Impacts that fail a run; moderate and minor ones are printed only. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

function compileComponents() {
    if (process.argv.includes('--no-build')) return;
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
        throw new Error('npm run build failed');
    }
}

/** Runs axe-core in the page; returns the violations that block. */
async function checkAccessibility(page, axeSource, log) {
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return axe.run(document, { resultTypes: ['violations'] });
    });
    const blocking = [];
    for (const violation of results.violations) {
        const line = `${violation.impact}: ${violation.id} (${violation.help}) on ${violation.nodes
            .map((node) => node.target.join(' '))
            .join(', ')}`;
        if (BLOCKING_IMPACTS.has(violation.impact)) {
            blocking.push(line);
        } else {
            log(`    axe (not blocking) ${line}`);
        }
    }
    return blocking;
}

async function runScenario(browser, baseUrl, scenario, axeSource) {
    const started = Date.now();
    const problems = [];
    const notes = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    try {
        // latency=0: the sample org answers at once, the scenario waits for what it expects anyway.
        const separator = scenario.query ? '&' : '?';
        await page.goto(`${baseUrl}${scenario.query}${separator}latency=0`, { waitUntil: 'load' });
        const banner = page.getByText(SAMPLE_ORG_BANNER, { exact: true });
        await banner.waitFor({ state: 'visible', timeout: 5000 });
        await scenario.run(page, { expectText, notes });
        // Let pending icon and wire updates settle before checking and capturing the screen.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
        problems.push(
            ...(await checkAccessibility(page, axeSource, (line) => notes.push(line))).map((l) => `axe ${l}`),
        );
        await page.screenshot({ path: join(SCREENSHOTS, `${scenario.name}.png`), fullPage: true });
    } catch (error) {
        problems.push(error.message.split('\n')[0]);
        await page.screenshot({ path: join(SCREENSHOTS, `${scenario.name}.png`), fullPage: true }).catch(() => {});
    } finally {
        await context.close();
    }
    return { name: scenario.name, title: scenario.title, problems, notes, ms: Date.now() - started };
}

/** Waits until `locator` is visible and contains `text`, or throws with what it found. */
async function expectText(locator, text, what) {
    try {
        await locator.first().waitFor({ state: 'visible', timeout: 5000 });
        await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 5000 });
    } catch {
        const found = await locator
            .first()
            .innerText({ timeout: 500 })
            .catch(() => '(nothing)');
        throw new Error(`${what}: expected "${text}", found "${found.trim().slice(0, 200)}"`);
    }
}

async function main() {
    const started = Date.now();
    // Before the build: a missing browser is reported at once, with the command that installs it.
    const { message: missing } = preflight({ browser: true });
    if (missing) {
        console.error(missing);
        console.log('0 passed, 1 failed');
        return 1;
    }
    const executablePath = findBrowser().path;
    console.log(`Browser: ${executablePath}`);
    // E2E_ONLY=name,name runs a subset (while working on a few scenarios); a name that is no
    // scenario fails the run rather than pass one that ran nothing.
    const only = (process.env.E2E_ONLY ?? '').split(',').filter(Boolean);
    const unknown = only.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
    if (unknown.length > 0) {
        throw new Error(`E2E_ONLY names no scenario: ${unknown.join(', ')}`);
    }
    compileComponents();
    const dist = await mkdtemp(join(tmpdir(), 'ccsa-e2e-'));
    // The preview folder goes when the run ends, however it ends (Ctrl-C and kill included).
    const removeDist = () => rmSync(dist, { recursive: true, force: true });
    const onSignal = (signal) => {
        removeDist();
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    // The scenarios read the sample org the page was built with from there (scenarios.mjs).
    process.env.CCSA_PREVIEW_DIST = dist;
    let server;
    let browser;
    const results = [];
    try {
        await buildPreview({ dist, log: (line) => console.log(line) });
        // Screenshots are shared: two runs at once overwrite each other's.
        await mkdir(SCREENSHOTS, { recursive: true });
        const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
        server = await startServer(0, { root: dist });
        const baseUrl = `http://127.0.0.1:${server.port}/`;
        browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
        for (const scenario of SCENARIOS.filter((s) => only.length === 0 || only.includes(s.name))) {
            const result = await runScenario(browser, baseUrl, scenario, axeSource);
            results.push(result);
            const status = result.problems.length === 0 ? 'PASS' : 'FAIL';
            console.log(`${status} ${result.name}: ${result.title} (${result.ms} ms)`);
            for (const problem of result.problems) console.log(`    ${problem}`);
            for (const note of result.notes) console.log(note);
        }
    } finally {
        await browser?.close();
        await server?.close();
        removeDist();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
    const failed = results.filter((r) => r.problems.length > 0).length;
    console.log(`Screenshots in ${join('e2e', 'screenshots')}/; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${results.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(error.stack ?? error);
        console.log('0 passed, 1 failed');
        process.exit(1);
    },
);
