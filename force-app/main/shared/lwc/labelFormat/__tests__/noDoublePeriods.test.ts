/**
 * Issue 11 §1, "Fix the double periods": every message module renders each of its codes with values
 * that end a sentence themselves (an account "Acme Inc.", a platform message ending with "."), and
 * no text may read "..". An ellipsis character ("…") is fine. The codes are read from the TypeScript
 * unions, so a code added later is covered without editing this test.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkMessage, doctorFixLabel, blockedMessage } from 'c/doctorMessages';
import { fixLabel, reasonMessage } from 'c/readinessMessages';
import { itemMessage, stepMessage } from 'c/upgradeMessages';
import { platformProblemMessage, problemMessage, refusalProblemMessage, warningMessage } from 'c/enablementMessages';
import { FIX } from 'c/userEnablement';
import type { ProblemCode, WarningCode } from 'c/userEnablement';
import { validateUpgrade } from 'c/upgradeValidator';
import type { ItemCode, UserFact } from 'c/upgradeValidator';
import type { ManualStep } from 'c/upgradePlan';
import { CHECK_ORDER } from 'c/userDoctor';
import type { CheckCode, DoctorFix } from 'c/userDoctor';
import type { ReadinessFix, ReasonCode } from 'c/readinessRules';

const MAIN = join(__dirname, '..', '..', '..', '..');

/** The string literals of a union type (or a property typed by one) declared in a module's source. */
function unionOf(file: string, declaration: RegExp): string[] {
    const source = readFileSync(join(MAIN, file), 'utf8');
    const start = source.search(declaration);
    expect(start).toBeGreaterThanOrEqual(0);
    const body = source.slice(start, source.indexOf(';', start));
    return [...body.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
}

/** Values as the rules give them, and values that end a sentence themselves. */
const VALUE_SETS: ReadonlyArray<readonly string[]> = [
    ['Acme Inc.', 'Insufficient access.', 'Customer Community Plus', '3', 'Partner Co.'],
    ['Acme', 'Customer Community Plus', '1', '0', 'Site'],
    ['A user.', 'B user.', 'C user.', 'D user.', 'E user.'],
];

function expectNoDoublePeriod(texts: readonly string[]): void {
    const doubled = texts.filter((text) => text.includes('..'));
    expect(doubled).toEqual([]);
}

describe('no message reads ".."', () => {
    it('keeps one full stop after a value ending with one (the shared formatter)', () => {
        expect(reasonMessage({ code: 'ADMIN_HAS_ROLE', values: ['Avery', 'CEO Inc.'] })).toBe(
            'Avery has the role CEO Inc.',
        );
    });

    it('readiness reasons and fixes', () => {
        const codes = unionOf(
            'readiness/lwc/readinessRules/readinessRules.ts',
            /export type ReasonCode =/,
        ) as ReasonCode[];
        const fixes = unionOf(
            'readiness/lwc/readinessRules/readinessRules.ts',
            /export type ReadinessFix =/,
        ) as ReadinessFix[];
        expect(codes.length).toBeGreaterThan(20);
        expectNoDoublePeriod(
            VALUE_SETS.flatMap((values) => [
                ...codes.map((code) => reasonMessage({ code, values: [...values] })),
                ...fixes.map((fix) => fixLabel(fix, { values: [...values] })),
            ]),
        );
    });

    it('doctor checks, fixes and what a fix waits for', () => {
        const codes = unionOf('readiness/lwc/userDoctor/userDoctor.ts', /export type CheckCode =/) as CheckCode[];
        const fixes = unionOf('readiness/lwc/userDoctor/userDoctor.ts', /export type DoctorFix =/) as DoctorFix[];
        expect(codes.length).toBeGreaterThan(20);
        expectNoDoublePeriod(
            VALUE_SETS.flatMap((values) => [
                ...codes.map((code) => checkMessage({ code, values: [...values] })),
                ...fixes.map((fix) => doctorFixLabel(fix, { values: [...values] })),
            ]),
        );
        expectNoDoublePeriod([blockedMessage(CHECK_ORDER.slice(0, 3))]);
    });

    it('enablement problems, warnings, platform errors and policy refusals', () => {
        const problems = Object.keys(FIX) as ProblemCode[];
        const warnings = unionOf(
            'user-setup/lwc/userEnablement/userEnablement.ts',
            /export type WarningCode =/,
        ) as WarningCode[];
        const platform = [
            { code: 'DUPLICATE_USERNAME', message: 'Duplicate Username.<br>Another user has the same username.' },
            { code: 'LICENSE_LIMIT_EXCEEDED', message: 'License Limit Exceeded.' },
            { code: 'UNKNOWN_CODE', message: 'Something failed.' },
            { code: 'DUPLICATE_COMM_NICKNAME', message: null },
        ];
        const refusals = [
            { code: 'PROFILE_NOT_ALLOWED', message: 'The profile Plus Inc. is for internal users.' },
            { code: 'PROFILE_NOT_ALLOWED', message: 'No message' },
            { code: 'PROFILE_NOT_ALLOWED', message: null },
        ];
        expectNoDoublePeriod([
            ...VALUE_SETS.flatMap((values) => [
                ...problems.map((code) => problemMessage({ code, values: [...values], fix: FIX[code] })),
                ...warnings.map((code) => warningMessage({ code, values: [...values] })),
            ]),
            ...platform.map(platformProblemMessage),
            ...refusals.map(refusalProblemMessage),
        ]);
        expect(refusalProblemMessage({ code: 'X', message: 'No message' })).toMatch(/^Not created: No message\. Fix: /);
    });

    it('upgrade items and manual steps, by code and from a real validation', () => {
        const items = unionOf(
            'license-upgrade/lwc/upgradeValidator/upgradeValidator.ts',
            /export type ItemCode =/,
        ) as ItemCode[];
        const steps = unionOf(
            'license-upgrade/lwc/upgradePlan/upgradePlan.ts',
            /export interface ManualStep \{/,
        ) as Array<ManualStep['code']>;
        expect(items.length).toBeGreaterThan(10);
        expect(steps.length).toBeGreaterThan(5);
        const user: UserFact = {
            id: '005A',
            name: 'Casey Inc.',
            isActive: true,
            userType: 'CspLitePortal',
            licenseName: 'Customer Community',
            profileId: '00eA',
            profileName: 'Customer Community User.',
            profileModifyAllData: false,
            profileViewAllData: false,
            accountName: 'Acme Inc.',
            permissionSets: [{ id: '0PS2', label: 'Lost.', licenseName: 'Customer Community', siteIds: ['0DB2'] }],
            permissionSetLicenses: [],
            profileSiteIds: ['0DB1'],
        };
        const target = {
            profileId: '00eT',
            profileName: 'Plus Inc.',
            licenseName: 'Customer Community Plus',
            seatsAvailable: 1,
            siteIds: [],
        };
        const result = validateUpgrade(
            [user, { ...user, id: '005B' }, { ...user, id: '005C', isActive: false }],
            target,
        );
        const found: string[] = [];
        const collect = (value: unknown): void => {
            if (Array.isArray(value)) {
                value.forEach(collect);
            } else if (value && typeof value === 'object') {
                const code = (value as { code?: unknown }).code;
                if (typeof code === 'string' && items.includes(code as ItemCode)) {
                    found.push(itemMessage(value as Parameters<typeof itemMessage>[0]));
                }
                Object.values(value).forEach(collect);
            }
        };
        collect(result);
        expect(found.length).toBeGreaterThan(2);
        expectNoDoublePeriod([
            ...VALUE_SETS.flatMap((values) => [
                ...items.map((code) => itemMessage({ code, values: [...values] })),
                ...steps.map((code) => stepMessage({ code, values: [...values] } as ManualStep)),
            ]),
            ...found,
        ]);
    });
});
