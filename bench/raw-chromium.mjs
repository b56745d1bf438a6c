// A Chromium driven over its DevTools pipe (`--remote-debugging-pipe`) with no DevTools domain
// enabled: what an admin's browser is when its developer tools are closed. `npm run bench:ui`
// times the first render with it. Playwright enables the Runtime and Network domains on every
// page it drives; together they make Chromium capture a JavaScript stack trace, with source
// positions, for each request a script starts (the initiator column of the developer tools'
// Network panel). The first such request, an icon the shell's header asks for, then re-parsed all
// of app.js for its positions: the shell's mount took 360 to 520 ms under Playwright and 20 to 90
// ms here or in `chromium --dump-dom` (measured 2026-11-30; Runtime alone or Network alone did not
// do it). Only Target, Emulation, Page (enabled, to inject the bench's helpers) and
// Runtime.evaluate are used; Page alone did not do it either.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The longest a DevTools command may go unanswered (a page's evaluation included). */
const COMMAND_TIMEOUT_MS = 60000;

/**
 * Launches Chromium with its own profile folder (removed by `close`).
 * @param executablePath the browser
 * @param args its flags (the e2e runner's)
 * @returns `openPage` and `close`
 */
export async function launchRawChromium(executablePath, args) {
    const dir = await mkdtemp(join(tmpdir(), 'ccsa-bench-raw-'));
    const child = spawn(executablePath, [...args, `--user-data-dir=${dir}`, '--remote-debugging-pipe', 'about:blank'], {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    const toBrowser = child.stdio[3];
    const fromBrowser = child.stdio[4];
    const pending = new Map();
    let nextId = 0;
    let buffer = '';
    let exited = null;
    const fail = (error) => {
        exited ??= error;
        for (const { reject, timer } of pending.values()) {
            clearTimeout(timer);
            reject(exited);
        }
        pending.clear();
    };
    const exit = new Promise((resolve) => child.once('exit', resolve));
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code})`)));
    child.once('error', (error) => fail(new Error(`Chromium did not start: ${error.message}`)));
    // Written after Chromium died, before its exit event: reported as that, not thrown.
    toBrowser.on('error', (error) => fail(new Error(`Chromium's pipe closed: ${error.message}`)));
    // Decoded as a stream: a character split between two chunks stays whole.
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\0')) >= 0) {
            const message = JSON.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 1);
            const waiting = message.id === undefined ? undefined : pending.get(message.id);
            if (waiting) {
                pending.delete(message.id);
                clearTimeout(waiting.timer);
                if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
                else waiting.resolve(message.result);
            } else if (message.method === 'Inspector.targetCrashed') {
                fail(new Error('The page crashed'));
            }
        }
    });
    /** One command; rejected after `COMMAND_TIMEOUT_MS` or when Chromium goes away. */
    const send = (method, params = {}, sessionId = undefined) =>
        new Promise((resolve, reject) => {
            if (exited) {
                reject(exited);
                return;
            }
            const id = ++nextId;
            const timer = setTimeout(() => {
                pending.delete(id);
                reject(new Error(`${method}: no answer in ${COMMAND_TIMEOUT_MS} ms`));
            }, COMMAND_TIMEOUT_MS);
            pending.set(id, { resolve, reject, method, timer });
            toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
        });
    const close = async () => {
        if (!exited) {
            await send('Browser.close').catch(() => undefined);
            const gone = await Promise.race([exit.then(() => true), sleep(2000).then(() => false)]);
            if (!gone) {
                child.kill('SIGKILL');
                await exit;
            }
        }
        await rm(dir, { recursive: true, force: true });
    };
    try {
        await send('Browser.getVersion');
    } catch (error) {
        child.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
        throw error;
    }

    /**
     * Opens a page: in a new browser context (nothing cached), or in the profile's own one (its
     * disk cache and compiled code kept from the pages opened before).
     * @param options.fresh a new browser context
     * @param options.initScript JavaScript run in the page before its own scripts
     */
    async function openPage({ fresh, initScript, width = 1280, height = 800 }) {
        const { browserContextId } = fresh ? await send('Target.createBrowserContext') : {};
        const { targetId } = await send('Target.createTarget', {
            url: 'about:blank',
            ...(browserContextId ? { browserContextId } : {}),
        });
        const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
        const inPage = (method, params) => send(method, params, sessionId);
        await inPage('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
        await inPage('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
        if (initScript) {
            // The script is injected only once the Page domain is on (which alone does not re-parse).
            await inPage('Page.enable');
            await inPage('Page.addScriptToEvaluateOnNewDocument', { source: initScript });
        }
        /** The value of an expression in the page (a promise is awaited). */
        const evaluate = async (expression) => {
            const { result, exceptionDetails } = await inPage('Runtime.evaluate', {
                expression,
                returnByValue: true,
                awaitPromise: true,
            });
            if (exceptionDetails) {
                throw new Error(`In the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
            }
            return result.value;
        };
        return {
            goto: (url) => inPage('Page.navigate', { url }),
            evaluate,
            /** Polls every 100 ms (each poll a task of its own) until the expression is neither null nor undefined. */
            async waitForValue(expression, timeoutMs) {
                const deadline = Date.now() + timeoutMs;
                for (;;) {
                    // An evaluation that fails while the page loads is tried again; Chromium gone is not.
                    const value = await evaluate(expression).catch((error) => {
                        if (exited) throw error;
                        return undefined;
                    });
                    if (value !== undefined && value !== null) return value;
                    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${expression}`);
                    await sleep(100);
                }
            },
            async close() {
                await send('Target.closeTarget', { targetId });
                if (browserContextId) await send('Target.disposeBrowserContext', { browserContextId });
            },
        };
    }

    return { openPage, close };
}
