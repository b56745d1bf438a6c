// scripts/lib/prerequisites.js: where the browser and Java are found, and the one message the
// preflight prints when they are not. Each test describes a machine (env, platform, files) instead
// of uninstalling anything.
interface System {
    env: Record<string, string | undefined>;
    platform: string;
    home: string;
    isExecutable(path: string): boolean;
    listDir(dir: string): string[];
}
interface Found {
    path: string | null;
    tried: string[];
    problem?: string;
}
const prerequisites = require('../lib/prerequisites') as {
    findBrowser(system: System): Found;
    findJava(system: System): Found;
    preflight(
        needs: { java?: boolean; browser?: boolean },
        system: System,
    ): { message: string | null; browser: Found | null; java: Found | null };
};
const { findBrowser, findJava, preflight } = prerequisites;

/** A machine whose only files are `files`; directories are derived from the file paths. */
function machine({
    files = [],
    env = {},
    platform = 'linux',
    home = '/home/dev',
}: {
    files?: string[];
    env?: Record<string, string>;
    platform?: string;
    home?: string;
}): System {
    return {
        env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
        platform,
        home,
        isExecutable: (path) => files.includes(path),
        listDir: (dir) => [
            ...new Set(
                files
                    .filter((file) => file.startsWith(`${dir}/`))
                    .map((file) => file.slice(dir.length + 1).split('/')[0]),
            ),
        ],
    };
}

describe('findBrowser', () => {
    it('uses CHROME_PATH first, even when another browser is installed', () => {
        const system = machine({ files: ['/usr/bin/chromium', '/opt/chrome'], env: { CHROME_PATH: '/opt/chrome' } });
        expect(findBrowser(system).path).toBe('/opt/chrome');
    });

    it('reports a CHROME_PATH that names no executable instead of silently using another browser', () => {
        const system = machine({ files: ['/usr/bin/chromium'], env: { CHROME_PATH: '/opt/missing' } });
        expect(findBrowser(system)).toEqual({
            path: null,
            tried: ['/opt/missing'],
            problem: 'CHROME_PATH=/opt/missing is not an executable file',
        });
    });

    it('still honours the older CHROMIUM_PATH', () => {
        expect(findBrowser(machine({ files: ['/x/chromium'], env: { CHROMIUM_PATH: '/x/chromium' } })).path).toBe(
            '/x/chromium',
        );
    });

    it("prefers Debian's /usr/bin/chromium, then Google Chrome's Linux paths", () => {
        expect(findBrowser(machine({ files: ['/usr/bin/chromium', '/usr/bin/google-chrome'] })).path).toBe(
            '/usr/bin/chromium',
        );
        expect(findBrowser(machine({ files: ['/usr/bin/google-chrome-stable'] })).path).toBe(
            '/usr/bin/google-chrome-stable',
        );
        expect(findBrowser(machine({ files: ['/opt/google/chrome/chrome'] })).path).toBe('/opt/google/chrome/chrome');
    });

    it("finds Playwright's cache on Linux, newest revision first, old and new layouts", () => {
        const cache = '/home/dev/.cache/ms-playwright';
        const system = machine({
            files: [`${cache}/chromium-1091/chrome-linux/chrome`, `${cache}/chromium-1200/chrome-linux64/chrome`],
        });
        expect(findBrowser(system).path).toBe(`${cache}/chromium-1200/chrome-linux64/chrome`);
        expect(findBrowser(machine({ files: [`${cache}/chromium-1091/chrome-linux/chrome`] })).path).toBe(
            `${cache}/chromium-1091/chrome-linux/chrome`,
        );
    });

    it('reads PLAYWRIGHT_BROWSERS_PATH and ignores the headless shell and other browsers', () => {
        const files = [
            '/pw/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell',
            '/pw/firefox-1400/firefox/firefox',
            '/pw/chromium-1200/chrome-linux64/chrome',
        ];
        expect(findBrowser(machine({ files, env: { PLAYWRIGHT_BROWSERS_PATH: '/pw' } })).path).toBe(
            '/pw/chromium-1200/chrome-linux64/chrome',
        );
    });

    it('finds Google Chrome, Chromium and the Playwright cache on macOS', () => {
        const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
        const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
        const cached =
            '/Users/dev/Library/Caches/ms-playwright/chromium-1200/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
        const mac = (files: string[]) => machine({ files, platform: 'darwin', home: '/Users/dev' });
        expect(findBrowser(mac([chromium, chrome])).path).toBe(chrome);
        expect(findBrowser(mac([chromium])).path).toBe(chromium);
        expect(findBrowser(mac([cached])).path).toBe(cached);
        expect(findBrowser(mac(['/usr/bin/chromium'])).path).toBeNull();
    });

    it('returns null with every place it looked when there is no browser', () => {
        const found = findBrowser(machine({}));
        expect(found.path).toBeNull();
        expect(found.tried).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/google-chrome']));
    });
});

describe('findJava', () => {
    it('finds the first java on PATH', () => {
        expect(findJava(machine({ files: ['/usr/bin/java', '/usr/local/bin/java'] })).path).toBe('/usr/local/bin/java');
        expect(findJava(machine({ files: ['/opt/jdk/bin/java'] })).path).toBeNull();
    });

    it("does not take macOS's /usr/bin/java stub for a JDK", () => {
        const mac = (files: string[], env: Record<string, string> = {}) =>
            machine({ files, env, platform: 'darwin', home: '/Users/dev' });
        expect(findJava(mac(['/usr/bin/java'])).path).toBeNull();
        expect(
            findJava(mac(['/usr/bin/java', '/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home/bin/java']))
                .path,
        ).toBe('/usr/bin/java');
        expect(findJava(mac(['/usr/bin/java'], { JAVA_HOME: '/opt/jdk' })).path).toBe('/usr/bin/java');
    });
});

describe('preflight', () => {
    const nothing = machine({});

    it('names both missing tools in one message, with the Debian/Ubuntu and macOS commands', () => {
        const { message } = preflight({ java: true, browser: true }, nothing);
        expect(message).toContain('two tools are missing');
        expect(message).toContain('Java 17');
        expect(message).toContain('Chromium or Google Chrome');
        expect(message).toContain('Debian/Ubuntu: sudo apt-get install default-jre-headless chromium');
        expect(message).toContain('macOS:         brew install --cask temurin@17 && brew install --cask google-chrome');
        expect(message).toContain('CHROME_PATH');
    });

    it('names only what the selected checks need', () => {
        const javaOnly = preflight({ java: true, browser: false }, nothing).message;
        expect(javaOnly).toContain('sudo apt-get install default-jre-headless\n');
        expect(javaOnly).not.toContain('Chromium');
        const browserOnly = preflight({ browser: true }, nothing).message;
        expect(browserOnly).toContain('sudo apt-get install chromium\n');
        expect(browserOnly).not.toContain('Java');
        expect(preflight({}, nothing).message).toBeNull();
    });

    it('passes when both are present, and returns what it found', () => {
        const result = preflight(
            { java: true, browser: true },
            machine({ files: ['/usr/bin/java', '/usr/bin/chromium'] }),
        );
        expect(result.message).toBeNull();
        expect(result.browser?.path).toBe('/usr/bin/chromium');
        expect(result.java?.path).toBe('/usr/bin/java');
    });

    it('says why an explicit CHROME_PATH was refused', () => {
        const system = machine({ files: ['/usr/bin/java'], env: { CHROME_PATH: '/nope' } });
        expect(preflight({ java: true, browser: true }, system).message).toContain(
            'CHROME_PATH=/nope is not an executable file',
        );
    });
});
