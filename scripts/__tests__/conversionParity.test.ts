/**
 * The server decides a license change's path from Apex's own copy of the seed 003 conversion
 * table (LicenseConversionTable.cls); the UI explains it from the TypeScript table
 * (c/licenseConversion). This test parses the Apex literals and fails when the two tables differ
 * for any source license the table names, any target, by name or by definition key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conversionPath, KNOWN_LICENSES, LITE_PORTAL_USER_TYPE, TARGET_LICENSES } from 'c/licenseConversion';

const APEX_FILE = join(
    __dirname,
    '..',
    '..',
    'force-app',
    'main',
    'license-upgrade',
    'classes',
    'LicenseConversionTable.cls',
);

interface ApexTable {
    sourceGroups: Map<string, string[]>;
    table: Map<string, Map<string, string>>;
    targetFamily: Map<string, string>;
    definitionKeys: Map<string, string>;
    /** Target family → path for a CspLitePortal user of a license the table does not list. */
    litePortalUpgrades: Map<string, string>;
    litePortalUserType: string;
}

/** The text of `NAME = new Map<...>{ ... };`, from its opening brace to the matching one. */
function literalOf(source: string, name: string): string {
    const start = source.indexOf(`${name} = new Map<`);
    if (start < 0) {
        throw new Error(`${name} not found in LicenseConversionTable.cls`);
    }
    const open = source.indexOf('{', start);
    let depth = 0;
    for (let i = open; i < source.length; i++) {
        if (source[i] === '{') {
            depth++;
        } else if (source[i] === '}') {
            depth--;
            if (depth === 0) {
                return source.slice(open + 1, i);
            }
        }
    }
    throw new Error(`${name}: unbalanced braces`);
}

function strings(text: string): string[] {
    return [...text.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]);
}

function pairs(text: string): Map<string, string> {
    return new Map([...text.matchAll(/'([^']*)'\s*=>\s*'([^']*)'/g)].map((match) => [match[1], match[2]]));
}

/** `'key' => new List<String>{ ... }` or `'key' => new Map<String, String>{ ... }` entries. */
function nested(text: string): Map<string, string> {
    return new Map(
        [...text.matchAll(/'([^']*)'\s*=>\s*new (?:List<String>|Map<String, String>)\s*\{([^}]*)\}/g)].map((m) => [
            m[1],
            m[2],
        ]),
    );
}

function parseApexTable(source: string): ApexTable {
    const sourceGroups = new Map(
        [...nested(literalOf(source, 'SOURCE_GROUPS'))].map(([group, body]) => [group, strings(body)]),
    );
    const table = new Map([...nested(literalOf(source, 'TABLE'))].map(([group, body]) => [group, pairs(body)]));
    return {
        sourceGroups,
        table,
        targetFamily: pairs(literalOf(source, 'TARGET_FAMILY')),
        definitionKeys: pairs(literalOf(source, 'LICENSE_DEFINITION_KEYS')),
        litePortalUpgrades: pairs(literalOf(source, 'LITE_PORTAL_UPGRADES')),
        litePortalUserType: /LITE_PORTAL_USER_TYPE\s*=\s*'([^']*)'/.exec(source)?.[1] ?? '',
    };
}

const normalize = (license: string): string => license.trim().replace(/\s+/g, ' ').toLowerCase();

/** `LicenseConversionTable.pathFor(String, String, String)`, over the parsed Apex data. */
function apexPath(apex: ApexTable, fromLicense: string, toLicense: string, userType?: string): string | null {
    const canonical = (license: string): string => {
        const key = normalize(license);
        for (const [definitionKey, name] of apex.definitionKeys) {
            if (normalize(definitionKey) === key) {
                return name;
            }
        }
        const known = [...[...apex.sourceGroups.values()].flat(), ...apex.targetFamily.keys()];
        return known.find((name) => normalize(name) === key) ?? license.trim().replace(/\s+/g, ' ');
    };
    const target = canonical(toLicense);
    const family = apex.targetFamily.get(target);
    if (!family) {
        return null;
    }
    const source = canonical(fromLicense);
    if (normalize(source) === normalize(target)) {
        return 'none';
    }
    const group = [...apex.sourceGroups].find(([, names]) =>
        names.some((name) => normalize(name) === normalize(source)),
    )?.[0];
    if (group) {
        return apex.table.get(group)?.get(family) ?? null;
    }
    const litePortal = userType !== undefined && userType.toLowerCase() === apex.litePortalUserType.toLowerCase();
    return (litePortal ? apex.litePortalUpgrades.get(family) : undefined) ?? 'migrate';
}

const DEFINITION_KEYS = [
    'PID_Customer_Community',
    'PID_Customer_Community_Login',
    'PID_Customer_Community_Plus',
    'PID_Customer_Community_Plus_Login',
    'PID_Partner_Community',
    'PID_Partner_Community_Login',
];
const SOURCES = [...KNOWN_LICENSES, ...DEFINITION_KEYS, 'Salesforce', 'Chatter External', 'Some Future License'];
const TARGETS = [...TARGET_LICENSES, ...DEFINITION_KEYS];
/** No user type, the seed's CSPLitePortal in two spellings, and a role-based type. */
const USER_TYPES = [undefined, LITE_PORTAL_USER_TYPE, 'CSPLitePortal', 'PowerCustomerSuccess'];

function differences(apex: ApexTable): string[] {
    const found: string[] = [];
    for (const from of SOURCES) {
        for (const to of TARGETS) {
            for (const userType of USER_TYPES) {
                const expected = conversionPath(from, to, userType);
                const actual = apexPath(apex, from, to, userType);
                if (actual !== expected) {
                    const as = userType ? ` (${userType})` : '';
                    found.push(`${from} -> ${to}${as}: TypeScript ${expected}, Apex ${actual}`);
                }
            }
        }
    }
    return found;
}

describe('Apex and TypeScript conversion tables', () => {
    const source = readFileSync(APEX_FILE, 'utf8');
    const apex = parseApexTable(source);

    it('parses every row, column and definition key of the Apex table', () => {
        expect(apex.sourceGroups.size).toBe(7);
        expect([...apex.sourceGroups.values()].flat()).toEqual([...KNOWN_LICENSES]);
        expect([...apex.targetFamily.keys()]).toEqual([...TARGET_LICENSES]);
        expect(apex.definitionKeys.size).toBe(6);
        expect([...apex.litePortalUpgrades.keys()]).toEqual(['customer-community-plus', 'partner-community']);
        expect(apex.litePortalUserType).toBe(LITE_PORTAL_USER_TYPE);
        for (const cells of apex.table.values()) {
            expect(cells.size).toBe(3);
        }
    });

    it('gives the same path for every source and target, by name and by definition key', () => {
        expect(differences(apex)).toEqual([]);
        expect(SOURCES.length * TARGETS.length).toBeGreaterThan(300);
    });

    it('gives the CSPLitePortal rule the same paths: other customer licenses upgrade to the role-based families', () => {
        expect(apexPath(apex, 'Some Future License', 'Customer Community Plus', 'CspLitePortal')).toBe(
            'change-profile',
        );
        expect(conversionPath('Some Future License', 'Customer Community Plus', 'CspLitePortal')).toBe(
            'change-profile',
        );
        expect(apexPath(apex, 'Some Future License', 'Customer Community', 'CspLitePortal')).toBe('migrate');
        expect(apexPath(apex, 'Some Future License', 'Partner Community', 'PowerCustomerSuccess')).toBe('migrate');
    });

    it('fails when the Apex CSPLitePortal rule differs (planted defect)', () => {
        const planted = source.replace(
            /('partner-community' => )'change-profile'(\s*\};\s*\/\*\*[^]*?LITE_PORTAL_USER_TYPE)/,
            "$1'migrate'$2",
        );
        expect(planted).not.toBe(source);
        expect(differences(parseApexTable(planted))).toContain(
            'Some Future License -> Partner Community (CspLitePortal): TypeScript change-profile, Apex migrate',
        );
    });

    it('fails when one cell of the Apex table differs (planted defect)', () => {
        const planted = source.replace(
            /('customer-portal-manager' => new Map<String, String>\{[^}]*'partner-community' => )'reenable-as-partner'/,
            "$1'change-profile'",
        );
        expect(planted).not.toBe(source);
        expect(differences(parseApexTable(planted))).toContain(
            'Customer Portal Manager Custom -> Partner Community: TypeScript reenable-as-partner, Apex change-profile',
        );
    });

    it('fails when the Apex table loses a source license (planted defect)', () => {
        const planted = source.replace("'Gold Partner', ", '');
        expect(differences(parseApexTable(planted))).toContain(
            'Gold Partner -> Partner Community: TypeScript change-profile, Apex migrate',
        );
    });
});
