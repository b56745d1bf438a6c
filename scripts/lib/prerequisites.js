// The machine tools that `npm test` needs besides Node: Java 17 for the Apex scan (PMD and
// apex-ls run on the JVM) and a Chromium-family browser for the e2e tests (playwright-core ships
// no browser). Both the preflight of scripts/run-all-checks.mjs and e2e/run.mjs find them here,
// so the browser the preflight approves is the one the e2e launches.
//
// Every function takes the system as an argument (env, platform, home directory, file checks),
// so that the tests can describe a machine without touching the real one.
const { accessSync, constants, readdirSync, statSync } = require('node:fs');
const { homedir } = require('node:os');
const { delimiter, join } = require('node:path');

/**
 * @typedef {object} System
 * @property {Record<string, string | undefined>} env
 * @property {string} platform `process.platform`
 * @property {string} home the user's home directory
 * @property {(path: string) => boolean} isExecutable a file that exists and may be executed
 * @property {(dir: string) => string[]} listDir entry names of a directory, [] when it does not exist
 */

/** @returns {System} this machine */
function realSystem() {
    return {
        env: process.env,
        platform: process.platform,
        home: homedir(),
        isExecutable: (path) => {
            try {
                accessSync(path, constants.X_OK);
                return statSync(path).isFile();
            } catch {
                return false;
            }
        },
        listDir: (dir) => {
            try {
                return readdirSync(dir);
            } catch {
                return [];
            }
        },
    };
}

/** The install commands, named once so that the message and the README cannot drift apart. */
const INSTALL = {
    java: {
        what: 'Java 17 (runs PMD and apex-ls in the Apex scan)',
        debian: 'default-jre-headless',
        // openjdk@17 is keg-only: Homebrew prints a symlink step; the Temurin cask needs none.
        macos: 'brew install --cask temurin@17',
    },
    browser: {
        what: 'Chromium or Google Chrome (runs the e2e tests)',
        debian: 'chromium',
        // The Chromium cask is unsigned (Gatekeeper refuses it unless quarantine is removed).
        macos: 'brew install --cask google-chrome',
    },
};

/**
 * Playwright's browser cache (`npx playwright install chromium`): `PLAYWRIGHT_BROWSERS_PATH`, or
 * ~/.cache/ms-playwright on Linux and ~/Library/Caches/ms-playwright on macOS. Builds from 1.57 on
 * are Chrome for Testing (chrome-linux64, chrome-mac-*); older ones are Chromium (chrome-linux,
 * chrome-mac). Newest revision first.
 *
 * @param {System} system
 * @returns {string[]}
 */
function playwrightCandidates(system) {
    const { env, platform, home, listDir } = system;
    const cache =
        env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0'
            ? env.PLAYWRIGHT_BROWSERS_PATH
            : platform === 'darwin'
              ? join(home, 'Library', 'Caches', 'ms-playwright')
              : join(home, '.cache', 'ms-playwright');
    const revisions = listDir(cache)
        .filter((entry) => /^chromium-\d+$/.test(entry))
        .sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)));
    const inside =
        platform === 'darwin'
            ? [
                  [
                      'chrome-mac-arm64',
                      'Google Chrome for Testing.app',
                      'Contents',
                      'MacOS',
                      'Google Chrome for Testing',
                  ],
                  ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
                  ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
              ]
            : [
                  ['chrome-linux64', 'chrome'],
                  ['chrome-linux-arm64', 'chrome'],
                  ['chrome-linux', 'chrome'],
              ];
    return revisions.flatMap((revision) => inside.map((parts) => join(cache, revision, ...parts)));
}

/**
 * Where a browser is looked for, in order: Debian's package, Google Chrome's installers, then
 * Playwright's cache. (`CHROME_PATH` is not in this list: when set, it is the only candidate.)
 *
 * @param {System} system
 * @returns {string[]}
 */
function browserCandidates(system) {
    const fixed =
        system.platform === 'darwin'
            ? [
                  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
                  '/Applications/Chromium.app/Contents/MacOS/Chromium',
                  join(system.home, 'Applications', 'Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'),
                  join(system.home, 'Applications', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
              ]
            : [
                  '/usr/bin/chromium',
                  '/usr/bin/chromium-browser',
                  '/snap/bin/chromium',
                  '/usr/bin/google-chrome',
                  '/usr/bin/google-chrome-stable',
                  '/usr/bin/google-chrome-beta',
                  '/opt/google/chrome/chrome',
              ];
    return [...fixed, ...playwrightCandidates(system)];
}

/**
 * @typedef {object} Found
 * @property {string | null} path the executable, or null when none was found
 * @property {string[]} tried where it was looked for
 * @property {string} [problem] why an explicit setting was not used
 */

/**
 * The browser the e2e tests launch. `CHROME_PATH` (or the older `CHROMIUM_PATH`) wins and is not
 * second-guessed: when it names no executable, that is reported instead of silently using another
 * browser.
 *
 * @param {System} [system]
 * @returns {Found}
 */
function findBrowser(system = realSystem()) {
    for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
        const explicit = system.env[name];
        if (explicit) {
            return system.isExecutable(explicit)
                ? { path: explicit, tried: [explicit] }
                : { path: null, tried: [explicit], problem: `${name}=${explicit} is not an executable file` };
        }
    }
    const tried = browserCandidates(system);
    return { path: tried.find((candidate) => system.isExecutable(candidate)) ?? null, tried };
}

/**
 * The `java` that scripts/scan-apex.mjs starts: the first on PATH (it spawns `java` by name).
 *
 * @param {System} [system]
 * @returns {Found}
 */
function findJava(system = realSystem()) {
    const names = system.platform === 'win32' ? ['java.exe'] : ['java'];
    const tried = (system.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .flatMap((dir) => names.map((name) => join(dir, name)));
    const path = tried.find((candidate) => system.isExecutable(candidate)) ?? null;
    // macOS ships /usr/bin/java as a stub that only asks to install a JDK: it is real only when
    // a JDK is installed where the stub looks (or JAVA_HOME names one).
    if (path === '/usr/bin/java' && system.platform === 'darwin') {
        const jdks = system.listDir('/Library/Java/JavaVirtualMachines');
        if (jdks.length === 0 && !system.env.JAVA_HOME) {
            return { path: null, tried, problem: '/usr/bin/java is the macOS stub and no JDK is installed' };
        }
    }
    return { path, tried };
}

/**
 * One message for everything missing, or null when nothing is.
 *
 * @param {{ java?: boolean, browser?: boolean }} needs the tools the selected checks use
 * @param {System} [system]
 * @returns {{ message: string | null, browser: Found | null, java: Found | null }}
 */
function preflight(needs, system = realSystem()) {
    const java = needs.java ? findJava(system) : null;
    const browser = needs.browser ? findBrowser(system) : null;
    const missing = [];
    if (java && !java.path) missing.push({ key: 'java', found: java });
    if (browser && !browser.path) missing.push({ key: 'browser', found: browser });
    if (missing.length === 0) return { message: null, browser, java };
    const lines = [
        `npm test cannot run on this machine: ${missing.length === 1 ? 'one tool is' : 'two tools are'} missing.`,
    ];
    for (const { key, found } of missing) {
        lines.push(`  - ${INSTALL[key].what}${found.problem ? `: ${found.problem}` : ''}`);
    }
    lines.push('Install with:');
    lines.push(`  Debian/Ubuntu: sudo apt-get install ${missing.map(({ key }) => INSTALL[key].debian).join(' ')}`);
    lines.push(`  macOS:         ${missing.map(({ key }) => INSTALL[key].macos).join(' && ')}`);
    if (browser && !browser.path) {
        lines.push(
            "Or set CHROME_PATH to a Chrome or Chromium executable (Playwright's cache from `npx playwright install chromium` is found too).",
        );
    }
    return { message: lines.join('\n'), browser, java };
}

module.exports = { INSTALL, browserCandidates, findBrowser, findJava, preflight, realSystem };
