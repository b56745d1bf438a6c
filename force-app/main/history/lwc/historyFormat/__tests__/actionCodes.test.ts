/**
 * Every action code the Apex or the preview's sample org writes to Setup_Assistant_Log__c.Action__c
 * has a readable name in History (a `CCSA_History_Action_<CODE>` label in historyFormat's map):
 * without one the Action column and the Action filter show the raw code. The codes are read from
 * the writers' sources, so a writer added later is covered without editing this test.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { actionLabel, filterOptions } from 'c/historyFormat';

const ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');

/** An action code as written: upper case words joined by underscores. */
const CODE = "'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'";

function filesUnder(dir: string, keep: (path: string) => boolean, found: string[] = []): string[] {
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) {
            if (entry !== '__tests__' && entry !== 'node_modules') {
                filesUnder(full, keep, found);
            }
        } else if (keep(full)) {
            found.push(full);
        }
    }
    return found;
}

/** The text from an opening parenthesis to its match, strings skipped; null when unbalanced. */
function balanced(source: string, open: number): string | null {
    let depth = 0;
    for (let i = open; i < source.length; i++) {
        const char = source[i];
        if (char === "'" || char === '"' || char === '`') {
            for (i++; i < source.length && source[i] !== char; i++) {
                if (source[i] === '\\') i++;
            }
        } else if (char === '(') {
            depth++;
        } else if (char === ')' && --depth === 0) {
            return source.slice(open + 1, i);
        }
    }
    return null;
}

/** The top-level parts of an argument or parameter list (`<>` counted for parameter types). */
function splitTopLevel(text: string, angles: boolean): string[] {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === "'" || char === '"' || char === '`') {
            for (i++; i < text.length && text[i] !== char; i++) {
                if (text[i] === '\\') i++;
            }
        } else if ('([{'.includes(char) || (angles && char === '<')) {
            depth++;
        } else if (')]}'.includes(char) || (angles && char === '>' && text[i - 1] !== '=')) {
            depth--;
        } else if (char === ',' && depth === 0) {
            parts.push(text.slice(start, i).trim());
            start = i + 1;
        }
    }
    parts.push(text.slice(start).trim());
    return parts;
}

/** Each `name(...)` in a source, with its argument (or parameter) text. */
function* calls(source: string): Generator<{ name: string; args: string }> {
    for (const match of source.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) {
        const args = balanced(source, (match.index ?? 0) + match[0].length - 1);
        if (args !== null) {
            yield { name: match[1], args };
        }
    }
}

/** A parameter that receives the action: `String action` (Apex) or `action: string` (TypeScript). */
const ACTION_PARAMETER = /^(?:final\s+)?String\s+action$|^action\??\s*:\s*string\b/;

/**
 * The action codes one language's writers use: literals written to Action__c or compared with it,
 * assigned to a constant or variable named for an action, given as an `action:` property, or
 * passed where a method or function takes its `action` parameter.
 */
function actionCodes(files: readonly string[]): Map<string, string> {
    const found = new Map<string, string>();
    const sources = files.map((file) => ({ file: relative(ROOT, file), source: readFileSync(file, 'utf8') }));
    const add = (code: string, file: string) => {
        if (!found.has(code)) found.set(code, file);
    };
    const direct = [
        new RegExp(`\\bAction__c\\s*(?:=|:|===|!==|==|!=)\\s*${CODE}`, 'g'),
        new RegExp(`\\b\\w*(?:ACTION|[aA]ction)\\s*(?::\\s*string\\s*)?=\\s*${CODE}`, 'g'),
        new RegExp(`\\baction\\s*:\\s*${CODE}`, 'g'),
    ];
    // Which argument of each method or function is its action, by name.
    const actionArgument = new Map<string, Set<number>>();
    for (const { source } of sources) {
        for (const { name, args } of calls(source)) {
            const index = splitTopLevel(args, true).findIndex((parameter) => ACTION_PARAMETER.test(parameter));
            if (index >= 0) {
                actionArgument.set(name, (actionArgument.get(name) ?? new Set()).add(index));
            }
        }
    }
    for (const { file, source } of sources) {
        for (const pattern of direct) {
            for (const match of source.matchAll(pattern)) add(match[1], file);
        }
        for (const { name, args } of calls(source)) {
            const indexes = actionArgument.get(name);
            if (!indexes) continue;
            const parts = splitTopLevel(args, false);
            for (const index of indexes) {
                const literal = new RegExp(`^${CODE}$`).exec(parts[index] ?? '');
                if (literal) add(literal[1], file);
            }
        }
    }
    return found;
}

const APEX = actionCodes(
    filesUnder(join(ROOT, 'force-app'), (path) => /[\\/]classes[\\/]\w+\.cls$/.test(path) && !/Test\.cls$/.test(path)),
);
const SAMPLE_ORG = actionCodes(
    filesUnder(join(ROOT, 'preview', 'sample-org'), (path) => path.endsWith('.ts') && !path.endsWith('.d.ts')),
);

describe('action codes written by the Apex and the sample org', () => {
    it('are found in the sources by every way the writers pass them', () => {
        // Guards the reading itself: one code reached by each way, from each side.
        expect([...APEX.keys()]).toEqual(
            expect.arrayContaining([
                'SEND_LOGIN_EMAIL', // Action__c = '...'
                'ERROR', // public static final String ACTION = '...'
                'ASSIGN_SHARER_PERMISSION_SET', // String action = '...'
                'ACTIVATE_USER', // updateUser('...', ...) with `String action` first
            ]),
        );
        expect([...SAMPLE_ORG.keys()]).toEqual(
            expect.arrayContaining([
                'CONFIRM_READINESS_STEP', // Action__c: '...'
                'ENABLE_USER', // const ACTION = '...'
                'ASSIGN_SHARER_PERMISSION_SET', // const action = '...'
                'SEND_LOGIN_EMAIL', // finish(org, id, '...', ...) with `action: string` third
            ]),
        );
    });

    it.each([
        ['Apex', APEX],
        ['sample org', SAMPLE_ORG],
    ])('each have a readable name in History (%s)', (_side, codes) => {
        const unnamed = [...codes]
            .filter(([code]) => actionLabel(code) === code)
            .map(([code, file]) => `${code} (${file})`);
        expect(unnamed).toEqual([]);
        for (const code of codes.keys()) {
            expect(filterOptions([code], 'All', actionLabel)[1].label).not.toMatch(/^[A-Z_]+$/);
        }
    });

    it('name the sharers and the login email fixes', () => {
        expect(actionLabel('ASSIGN_SHARER_PERMISSION_SET')).toBe('Contract sharer permission set assigned');
        expect(actionLabel('SEND_LOGIN_EMAIL')).toBe('Login email sent');
    });
});
