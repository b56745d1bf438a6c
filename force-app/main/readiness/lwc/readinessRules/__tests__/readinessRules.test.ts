import {
    CONTRACTS_PERMISSION_SETS,
    ccpLicenseSeats,
    ROW_ORDER,
    SETUP_URLS,
    evaluateReadiness,
    findPermissionSet,
    isCustomerCommunityPlus,
    matchesPermissionSet,
    memberStatusKind,
    permissionSetUrl,
    profileUrl,
    recordUrl,
    seatsLeft,
    siteStatusKind,
    summarizeReadiness,
    userUrl,
} from 'c/readinessRules';
import type { OrgFacts, ReadinessChoices, ReadinessRow, RowId, SiteFact } from 'c/readinessRules';

const PLUS_PROFILE = '00e000000000010AAA';
const PLUS_LOGIN_PROFILE = '00e000000000011AAA';
const STANDARD_PLUS_PROFILE = '00e000000000012AAA';
const DOCGEN_PS = '0PS000000000001AAA';
const CCPLUS_PS = '0PS000000000002AAA';
const CLM_RUNTIME_PS = '0PS000000000003AAA';
const CLM_PARTNER_PS = '0PS000000000004AAA';
const DOCGEN_PSL = '0PL000000000001AAA';
const CCPLUS_PSL = '0PL000000000002AAA';
const SITE = '0DB000000000001AAA';

function site(overrides: Partial<SiteFact> = {}): SiteFact {
    return {
        id: SITE,
        name: 'Contracts Portal',
        status: 'Live',
        showAllSettings: true,
        memberParentIds: [PLUS_PROFILE],
        ...overrides,
    };
}

/** An org where every step of seed 000 is done. */
function readyOrg(overrides: Partial<OrgFacts> = {}): OrgFacts {
    return {
        digitalExperiencesEnabled: true,
        experienceDomain: 'acme.my.site.com',
        profiles: [
            { id: '00e000000000001AAA', name: 'System Administrator', licenseName: 'Salesforce', apiEnabled: true },
            {
                id: STANDARD_PLUS_PROFILE,
                name: 'Customer Community Plus User',
                licenseName: 'Customer Community Plus',
                apiEnabled: false,
                isCustom: false,
            },
            {
                id: PLUS_PROFILE,
                name: 'CC Plus - Contracts',
                licenseName: 'Customer Community Plus',
                apiEnabled: true,
                isCustom: true,
            },
            {
                id: PLUS_LOGIN_PROFILE,
                name: 'CC Plus Login - Contracts',
                licenseName: 'PID_Customer_Community_Plus_Login',
                apiEnabled: false,
                isCustom: true,
            },
        ],
        userLicenses: [
            { name: 'Salesforce', totalLicenses: 10, usedLicenses: 9 },
            { name: 'Customer Community Plus', totalLicenses: 20, usedLicenses: 5 },
            { name: 'Customer Community Plus Login', totalLicenses: 10, usedLicenses: 10 },
        ],
        permissionSets: [
            {
                id: DOCGEN_PS,
                name: 'DocGenRuntimeCommunityUser',
                label: 'DocGen Run-time Community User',
                permissionSetLicenseId: DOCGEN_PSL,
            },
            {
                id: CCPLUS_PS,
                name: 'ContractManagementCCPlusDigitalExperienceUser',
                label: 'Contract Management CC Plus Digital Experience User',
                permissionSetLicenseId: CCPLUS_PSL,
            },
            { id: CLM_RUNTIME_PS, name: 'CLMRuntimeUser', label: 'CLM Runtime User', activeAssigneeCount: 2 },
            {
                id: CLM_PARTNER_PS,
                name: 'CLMDigitalExperiencePartner',
                label: 'CLM Digital Experience Partner',
                activeAssigneeCount: 1,
            },
        ],
        permissionSetLicenses: [
            {
                id: DOCGEN_PSL,
                developerName: 'DocGenRuntimeCommunityUserPsl',
                label: 'DocGen Runtime Community User',
                totalLicenses: 10,
                usedLicenses: 4,
            },
            {
                id: CCPLUS_PSL,
                developerName: 'ClmCcPlusDigitalExperiencePsl',
                label: 'Contract Management CC Plus Digital Experience',
                totalLicenses: 8,
                usedLicenses: 1,
            },
        ],
        sites: [site()],
        runningUser: { id: '005000000000001AAA', name: 'Ada Admin', roleId: '00E000000000001AAA', roleName: 'CEO' },
        confirmations: [
            {
                rowId: 'STANDARD_EXTERNAL_PROFILES',
                confirmedByName: 'Ada Admin',
                confirmedAt: '2025-01-02T03:04:05.000Z',
            },
        ],
        ...overrides,
    };
}

function rowOf(facts: OrgFacts, id: RowId, choices?: ReadinessChoices): ReadinessRow {
    const found = evaluateReadiness(facts, choices).find((row) => row.id === id);
    if (!found) throw new Error(`no row ${id}`);
    return found;
}

describe('evaluateReadiness', () => {
    it('gives one row per step of seed 000, in the seed order, all done in a ready org', () => {
        const rows = evaluateReadiness(readyOrg());
        expect(rows.map((row) => row.id)).toEqual(ROW_ORDER);
        expect(rows.map((row) => row.status)).toEqual(ROW_ORDER.map(() => 'done'));
        rows.forEach((row) => {
            // A done row's evidence is one finding; the seat row's, one line per license.
            expect(row.findings).toHaveLength(row.id === 'CCP_SEATS' ? 2 : 1);
            expect(row.action).toEqual({ kind: 'setup-link', url: row.setupUrl });
        });
        expect(summarizeReadiness(rows)).toEqual({
            total: 8,
            counts: { done: 8, 'needs-action': 0, confirm: 0 },
            percentDone: 100,
            ready: true,
        });
    });

    describe('Digital Experiences', () => {
        it('is done with the domain, or without it when Apex cannot read it', () => {
            const row = rowOf(readyOrg(), 'DIGITAL_EXPERIENCES');
            expect(row.reason).toEqual({ code: 'DIGITAL_EXPERIENCES_ENABLED', values: ['acme.my.site.com'] });
            expect(row.setupUrl).toBe('/lightning/setup/NetworkSettings/home');
            expect(rowOf(readyOrg({ experienceDomain: null }), 'DIGITAL_EXPERIENCES').reason.code).toBe(
                'DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN',
            );
        });

        it('links to Digital Experiences settings when off, and the site row waits for it', () => {
            const facts = readyOrg({ digitalExperiencesEnabled: false, sites: [] });
            const row = rowOf(facts, 'DIGITAL_EXPERIENCES');
            expect(row.status).toBe('needs-action');
            expect(row.reason).toEqual({ code: 'DIGITAL_EXPERIENCES_DISABLED' });
            expect(row.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.digitalExperienceSettings });
            const siteRow = rowOf(facts, 'SITE');
            expect(siteRow.reason.code).toBe('SITE_NEEDS_DIGITAL_EXPERIENCES');
            expect(siteRow.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.digitalExperienceSettings });
        });
    });

    describe('standard external profiles', () => {
        it('asks for a confirmation Apex cannot replace', () => {
            const row = rowOf(readyOrg({ confirmations: null }), 'STANDARD_EXTERNAL_PROFILES');
            expect(row.status).toBe('confirm');
            expect(row.confirmed).toBe(false);
            expect(row.action).toEqual({ kind: 'confirm' });
            expect(row.setupUrl).toBe(SETUP_URLS.digitalExperienceSettings);
            expect(rowOf(readyOrg({ confirmations: [] }), 'STANDARD_EXTERNAL_PROFILES').status).toBe('confirm');
        });

        it('is done and flagged as confirmed once the admin confirmed it', () => {
            const row = rowOf(readyOrg(), 'STANDARD_EXTERNAL_PROFILES');
            expect(row.status).toBe('done');
            expect(row.confirmed).toBe(true);
            expect(row.reason).toEqual({
                code: 'STANDARD_EXTERNAL_PROFILES_CONFIRMED',
                values: ['Ada Admin', '2025-01-02T03:04:05.000Z'],
            });
            const anonymous = rowOf(
                readyOrg({ confirmations: [{ rowId: 'STANDARD_EXTERNAL_PROFILES' }] }),
                'STANDARD_EXTERNAL_PROFILES',
            );
            expect(anonymous.reason.values).toEqual(['', '']);
        });
    });

    describe('admin role', () => {
        it('is done when the admin has a role', () => {
            const row = rowOf(readyOrg(), 'ADMIN_ROLE');
            expect(row.reason).toEqual({ code: 'ADMIN_HAS_ROLE', values: ['Ada Admin', 'CEO'] });
            expect(row.setupUrl).toBe(userUrl('005000000000001AAA'));
            const unnamed = rowOf(
                readyOrg({ runningUser: { id: '005000000000001AAA', name: 'Ada Admin', roleId: '00E1' } }),
                'ADMIN_ROLE',
            );
            expect(unnamed.reason.values).toEqual(['Ada Admin', '']);
        });

        it("links to the admin's user record when the admin has no role", () => {
            const row = rowOf(
                readyOrg({ runningUser: { id: '005000000000001AAA', name: 'Ada Admin', roleId: null } }),
                'ADMIN_ROLE',
            );
            expect(row.status).toBe('needs-action');
            expect(row.severity).toBe('required');
            expect(row.reason).toEqual({ code: 'ADMIN_NO_ROLE', values: ['Ada Admin'] });
            expect(row.action).toEqual({
                kind: 'setup-link',
                url: '/lightning/setup/ManageUsers/page?address=%2F005000000000001AAA%3Fnoredirect%3D1%26isUserEntityOverride%3D1',
            });
        });
    });

    describe('Customer Community Plus profile', () => {
        it('is done with the best qualifying profile, or the chosen one', () => {
            const row = rowOf(readyOrg(), 'CCP_PROFILE');
            expect(row.reason).toEqual({
                code: 'CCP_PROFILE_READY',
                values: ['CC Plus - Contracts', 'Customer Community Plus'],
            });
            expect(row.setupUrl).toBe(profileUrl(PLUS_PROFILE));
        });

        it('links to the chosen profile when it lacks API Enabled', () => {
            const row = rowOf(readyOrg(), 'CCP_PROFILE', { profileId: PLUS_LOGIN_PROFILE });
            expect(row.status).toBe('needs-action');
            expect(row.reason).toEqual({ code: 'CCP_PROFILE_API_DISABLED', values: ['CC Plus Login - Contracts'] });
            expect(row.action).toEqual({
                kind: 'setup-link',
                url: '/lightning/setup/EnhancedProfiles/page?address=%2F00e000000000011AAA',
            });
        });

        it('names the chosen standard profile without API Enabled, not another profile (admin walk)', () => {
            // Before: the chosen standard profile was measured, but the message named the first
            // custom profile ("CC Plus - Contracts does not have API Enabled"), which has it.
            const row = rowOf(readyOrg(), 'CCP_PROFILE', { profileId: STANDARD_PLUS_PROFILE });
            expect(row.status).toBe('needs-action');
            expect(row.findings).toEqual([
                {
                    code: 'CCP_PROFILE_CLONE_NEEDED',
                    values: ['Customer Community Plus User'],
                    action: { kind: 'setup-link', url: SETUP_URLS.profiles },
                },
            ]);
            expect(row.reason).toEqual({ code: 'CCP_PROFILE_CLONE_NEEDED', values: ['Customer Community Plus User'] });
            expect(row.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.profiles });
            expect(row.setupUrl).toBe(SETUP_URLS.profiles);
        });

        it('names the chosen standard Login profile, not a profile of the other license', () => {
            const STANDARD_LOGIN_PROFILE = '00e000000000013AAA';
            const facts = readyOrg();
            const profiles = [
                ...facts.profiles.filter((profile) => profile.id !== PLUS_LOGIN_PROFILE),
                {
                    id: STANDARD_LOGIN_PROFILE,
                    name: 'Customer Community Plus Login User',
                    licenseName: 'Customer Community Plus Login',
                    apiEnabled: false,
                    isCustom: false,
                },
            ];
            const row = rowOf({ ...facts, profiles }, 'CCP_PROFILE', { profileId: STANDARD_LOGIN_PROFILE });
            expect(row.findings.map((finding) => [finding.code, finding.values])).toEqual([
                ['CCP_PROFILE_CLONE_NEEDED', ['Customer Community Plus Login User']],
            ]);
            expect(JSON.stringify(row)).not.toContain(PLUS_PROFILE);
        });

        it('names and links the chosen custom profile without API Enabled, even when another has it', () => {
            const facts = readyOrg();
            // Unknown custom-ness counts as editable.
            const profiles = facts.profiles.map((profile) => ({
                ...profile,
                isCustom: profile.id === PLUS_LOGIN_PROFILE ? undefined : profile.isCustom,
            }));
            const row = rowOf({ ...facts, profiles }, 'CCP_PROFILE', { profileId: PLUS_LOGIN_PROFILE });
            expect(row.findings).toEqual([
                {
                    code: 'CCP_PROFILE_API_DISABLED',
                    values: ['CC Plus Login - Contracts'],
                    action: { kind: 'setup-link', url: profileUrl(PLUS_LOGIN_PROFILE) },
                },
            ]);
            expect(row.setupUrl).toBe(profileUrl(PLUS_LOGIN_PROFILE));
        });

        it('keeps the default choice as it was: no choice and an empty choice measure the best profile', () => {
            const facts = readyOrg();
            for (const choices of [undefined, { profileId: null }, { profileId: '' }]) {
                expect(rowOf(facts, 'CCP_PROFILE', choices).reason).toEqual({
                    code: 'CCP_PROFILE_READY',
                    values: ['CC Plus - Contracts', 'Customer Community Plus'],
                });
                const standardOnly = facts.profiles.filter((profile) => profile.id === STANDARD_PLUS_PROFILE);
                expect(rowOf({ ...facts, profiles: standardOnly }, 'CCP_PROFILE', choices).reason).toEqual({
                    code: 'CCP_PROFILE_CLONE_NEEDED',
                    values: ['Customer Community Plus User'],
                });
            }
        });

        it('links to a custom profile when no qualifying profile has API Enabled', () => {
            const facts = readyOrg();
            const profiles = facts.profiles.map((profile) => ({ ...profile, apiEnabled: false }));
            const row = rowOf({ ...facts, profiles }, 'CCP_PROFILE');
            expect(row.reason.code).toBe('CCP_PROFILE_API_DISABLED');
            expect(row.reason.values).toEqual(['CC Plus - Contracts']);
            // Unknown custom-ness counts as editable.
            const unknown = rowOf(
                {
                    ...facts,
                    profiles: [
                        { id: PLUS_PROFILE, name: 'P', licenseName: 'Customer Community Plus', apiEnabled: false },
                    ],
                },
                'CCP_PROFILE',
            );
            expect(unknown.action).toEqual({ kind: 'setup-link', url: profileUrl(PLUS_PROFILE) });
        });

        it('asks for a clone when only standard profiles qualify', () => {
            const facts = readyOrg();
            const profiles = facts.profiles.filter((profile) => profile.id === STANDARD_PLUS_PROFILE);
            const row = rowOf({ ...facts, profiles }, 'CCP_PROFILE');
            expect(row.reason).toEqual({ code: 'CCP_PROFILE_CLONE_NEEDED', values: ['Customer Community Plus User'] });
            expect(row.action).toEqual({ kind: 'setup-link', url: '/lightning/setup/EnhancedProfiles/home' });
        });

        it('asks to clone one when there is no Customer Community Plus profile at all', () => {
            const facts = readyOrg();
            const profiles = facts.profiles.filter((profile) => profile.licenseName === 'Salesforce');
            const row = rowOf({ ...facts, profiles }, 'CCP_PROFILE');
            expect(row.reason).toEqual({ code: 'CCP_PROFILE_MISSING' });
            expect(row.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.profiles });
        });
    });

    describe('Customer Community Plus seats, per license (issue 10 §2)', () => {
        const PLUS = 'Customer Community Plus';
        const LOGIN = 'Customer Community Plus Login';
        const seatsOf = (
            userLicenses: OrgFacts['userLicenses'],
            choices?: ReadinessChoices,
        ): { row: ReadinessRow; lines: [string, readonly string[] | undefined, string | undefined][] } => {
            const row = rowOf(readyOrg({ userLicenses }), 'CCP_SEATS', choices);
            return {
                row,
                lines: row.findings
                    .filter((finding) => finding.verdict)
                    .map((finding) => [finding.code, finding.values, finding.verdict]),
            };
        };

        it('shows both licenses, each with its seats and verdict, and passes', () => {
            const { row, lines } = seatsOf([
                { name: 'Salesforce', totalLicenses: 10, usedLicenses: 9 },
                { name: PLUS, totalLicenses: 50, usedLicenses: 12 },
                { name: LOGIN, totalLicenses: 20, usedLicenses: 5 },
            ]);
            expect(row.status).toBe('done');
            expect(row.severity).toBe('required');
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_LEFT', [PLUS, '12', '50', '38'], 'pass'],
                ['CCP_SEATS_LICENSE_LEFT', [LOGIN, '5', '20', '15'], 'pass'],
            ]);
            expect(row.findings).toHaveLength(2);
            expect(row.reason).toEqual({ code: 'CCP_SEATS_LICENSE_LEFT', values: [PLUS, '12', '50', '38'] });
            expect(row.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.companyInformation });
            expect(row.setupUrl).toBe('/lightning/setup/CompanyProfileInfo/home');
        });

        it('passes with a warning on Login when only Customer Community Plus has seats', () => {
            const { row, lines } = seatsOf([
                { name: PLUS, totalLicenses: 50, usedLicenses: 12 },
                { name: LOGIN, totalLicenses: 0, usedLicenses: 0 },
            ]);
            expect(row.status).toBe('done');
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_LEFT', [PLUS, '12', '50', '38'], 'pass'],
                ['CCP_SEATS_LICENSE_EMPTY', [LOGIN, '0', '0'], 'warn'],
            ]);
            // The ready org: Login's 10 seats all taken.
            expect(rowOf(readyOrg(), 'CCP_SEATS').findings.map((finding) => [finding.values, finding.verdict])).toEqual(
                [
                    [[PLUS, '5', '20', '15'], 'pass'],
                    [[LOGIN, '10', '10'], 'warn'],
                ],
            );
        });

        it('passes with a warning on Customer Community Plus when only Login has seats', () => {
            const { row, lines } = seatsOf([
                { name: 'PID_Customer_Community_Plus', totalLicenses: 5, usedLicenses: 5 },
                { name: 'PID_Customer_Community_Plus_Login', totalLicenses: 10, usedLicenses: 9 },
            ]);
            expect(row.status).toBe('done');
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_FULL', [PLUS, '5', '5'], 'warn'],
                ['CCP_SEATS_LICENSE_LEFT', [LOGIN, '9', '10', '1'], 'pass'],
            ]);
            expect(summarizeReadiness([row]).ready).toBe(true);
        });

        it('fails when neither license has seats left, saying what to do first', () => {
            const { row, lines } = seatsOf([
                { name: PLUS, totalLicenses: 5, usedLicenses: 5 },
                { name: LOGIN, totalLicenses: 1, usedLicenses: 3 },
            ]);
            expect(row.status).toBe('needs-action');
            expect(row.severity).toBe('required');
            expect(row.reason).toEqual({ code: 'CCP_SEATS_EXHAUSTED', values: [`${PLUS}, ${LOGIN}`] });
            expect(row.findings[0].verdict).toBeUndefined();
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_FULL', [PLUS, '5', '5'], 'fail'],
                ['CCP_SEATS_LICENSE_FULL', [LOGIN, '3', '1'], 'fail'],
            ]);
            expect(summarizeReadiness([row]).ready).toBe(false);
        });

        it('shows a license missing from the org, as a warning when the other has seats', () => {
            const { row, lines } = seatsOf([{ name: PLUS, totalLicenses: 5, usedLicenses: 0 }]);
            expect(row.status).toBe('done');
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_LEFT', [PLUS, '0', '5', '5'], 'pass'],
                ['CCP_SEATS_LICENSE_MISSING', [LOGIN], 'warn'],
            ]);
            const loginOnly = seatsOf([{ name: LOGIN, totalLicenses: 0, usedLicenses: 0 }]);
            expect(loginOnly.row.status).toBe('needs-action');
            expect(loginOnly.row.reason.code).toBe('CCP_SEATS_EXHAUSTED');
            expect(loginOnly.lines).toEqual([
                ['CCP_SEATS_LICENSE_MISSING', [PLUS], 'fail'],
                ['CCP_SEATS_LICENSE_EMPTY', [LOGIN, '0', '0'], 'fail'],
            ]);
        });

        it('needs the license bought when the org has neither', () => {
            const { row, lines } = seatsOf([{ name: 'Salesforce', totalLicenses: 1, usedLicenses: 0 }]);
            expect(row.status).toBe('needs-action');
            expect(row.reason).toEqual({ code: 'CCP_LICENSE_MISSING' });
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_MISSING', [PLUS], 'fail'],
                ['CCP_SEATS_LICENSE_MISSING', [LOGIN], 'fail'],
            ]);
        });

        it("counts only the chosen profile's license, and still shows both, the other one as not counted", () => {
            const login = rowOf(readyOrg(), 'CCP_SEATS', { profileId: PLUS_LOGIN_PROFILE });
            expect(login.status).toBe('needs-action');
            expect(login.reason).toEqual({ code: 'CCP_SEATS_EXHAUSTED', values: [LOGIN] });
            expect(login.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.companyInformation });
            expect(login.findings.slice(1).map((finding) => [finding.values?.[0], finding.verdict])).toEqual([
                [PLUS, 'not-counted'],
                [LOGIN, 'fail'],
            ]);
            const plus = rowOf(readyOrg(), 'CCP_SEATS', { profileId: PLUS_PROFILE });
            expect(plus.status).toBe('done');
            expect(plus.findings.map((finding) => finding.verdict)).toEqual(['pass', 'not-counted']);
            // The chosen profile's license is not in the org: no seats for its users.
            const missing = seatsOf([{ name: PLUS, totalLicenses: 5, usedLicenses: 0 }], {
                profileId: PLUS_LOGIN_PROFILE,
            });
            expect(missing.row.reason).toEqual({ code: 'CCP_SEATS_EXHAUSTED', values: [LOGIN] });
            expect(missing.lines.map(([code, , verdict]) => [code, verdict])).toEqual([
                ['CCP_SEATS_LICENSE_LEFT', 'not-counted'],
                ['CCP_SEATS_LICENSE_MISSING', 'fail'],
            ]);
        });

        it("fails on a chosen Login profile without Login seats, the other license's seats neutral, not a pass", () => {
            const { row, lines } = seatsOf(
                [
                    { name: PLUS, totalLicenses: 50, usedLicenses: 12 },
                    { name: LOGIN, totalLicenses: 10, usedLicenses: 10 },
                ],
                { profileId: PLUS_LOGIN_PROFILE },
            );
            expect(row.status).toBe('needs-action');
            expect(row.severity).toBe('required');
            expect(row.reason).toEqual({ code: 'CCP_SEATS_EXHAUSTED', values: [LOGIN] });
            expect(row.findings[0].verdict).toBeUndefined();
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_LEFT', [PLUS, '12', '50', '38'], 'not-counted'],
                ['CCP_SEATS_LICENSE_FULL', [LOGIN, '10', '10'], 'fail'],
            ]);
            expect(lines.map(([, , verdict]) => verdict)).not.toContain('pass');
            expect(summarizeReadiness([row]).ready).toBe(false);
        });

        it('passes on a chosen profile with seats, the other license without seats neutral, not a warning', () => {
            const { row, lines } = seatsOf(
                [
                    { name: PLUS, totalLicenses: 0, usedLicenses: 0 },
                    { name: LOGIN, totalLicenses: 10, usedLicenses: 4 },
                ],
                { profileId: PLUS_LOGIN_PROFILE },
            );
            expect(row.status).toBe('done');
            // The main reason is the counted license's line, not the first line (the license not counted).
            expect(row.reason).toEqual({ code: 'CCP_SEATS_LICENSE_LEFT', values: [LOGIN, '4', '10', '6'] });
            expect(row.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.companyInformation });
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_EMPTY', [PLUS, '0', '0'], 'not-counted'],
                ['CCP_SEATS_LICENSE_LEFT', [LOGIN, '4', '10', '6'], 'pass'],
            ]);
            expect(summarizeReadiness([row]).ready).toBe(true);
            // The other license missing from the org altogether: neutral as well.
            const plusOnly = seatsOf([{ name: PLUS, totalLicenses: 5, usedLicenses: 1 }], { profileId: PLUS_PROFILE });
            expect(plusOnly.row.status).toBe('done');
            expect(plusOnly.row.reason).toEqual({ code: 'CCP_SEATS_LICENSE_LEFT', values: [PLUS, '1', '5', '4'] });
            expect(plusOnly.lines.map(([code, , verdict]) => [code, verdict])).toEqual([
                ['CCP_SEATS_LICENSE_LEFT', 'pass'],
                ['CCP_SEATS_LICENSE_MISSING', 'not-counted'],
            ]);
        });

        it('passes without a chosen profile on the license with seats, its line the main reason, lines in license order', () => {
            const { row, lines } = seatsOf([
                { name: PLUS, totalLicenses: 0, usedLicenses: 0 },
                { name: LOGIN, totalLicenses: 10, usedLicenses: 4 },
            ]);
            expect(row.status).toBe('done');
            expect(row.reason).toEqual({ code: 'CCP_SEATS_LICENSE_LEFT', values: [LOGIN, '4', '10', '6'] });
            expect(lines).toEqual([
                ['CCP_SEATS_LICENSE_EMPTY', [PLUS, '0', '0'], 'warn'],
                ['CCP_SEATS_LICENSE_LEFT', [LOGIN, '4', '10', '6'], 'pass'],
            ]);
            // Both with seats: the first, Customer Community Plus.
            const both = seatsOf([
                { name: PLUS, totalLicenses: 5, usedLicenses: 1 },
                { name: LOGIN, totalLicenses: 10, usedLicenses: 4 },
            ]);
            expect(both.row.reason).toEqual({ code: 'CCP_SEATS_LICENSE_LEFT', values: [PLUS, '1', '5', '4'] });
        });

        it('judges both licenses as before when the chosen profile is not a Customer Community Plus one', () => {
            const { row, lines } = seatsOf(
                [
                    { name: PLUS, totalLicenses: 50, usedLicenses: 12 },
                    { name: LOGIN, totalLicenses: 10, usedLicenses: 10 },
                ],
                { profileId: '00e000000000001AAA' },
            );
            expect(row.status).toBe('done');
            expect(lines.map(([, , verdict]) => verdict)).toEqual(['pass', 'warn']);
        });

        it('lists each license once, by name, whatever the facts hold', () => {
            expect(
                ccpLicenseSeats([
                    { name: 'Partner Community', totalLicenses: 9, usedLicenses: 1 },
                    { name: LOGIN, totalLicenses: 4, usedLicenses: 6 },
                ]),
            ).toEqual([
                { license: PLUS, present: false, used: 0, total: 0, left: 0 },
                { license: LOGIN, present: true, used: 6, total: 4, left: 0 },
            ]);
        });
    });

    describe('Contracts permission sets', () => {
        it('is done with the seats left behind each set', () => {
            const row = rowOf(readyOrg(), 'CONTRACTS_PERMISSION_SETS');
            expect(row.reason).toEqual({
                code: 'PERMISSION_SETS_READY',
                values: [
                    'DocGen Run-time Community User',
                    '6',
                    'Contract Management CC Plus Digital Experience User',
                    '7',
                ],
            });
            expect(row.setupUrl).toBe('/lightning/setup/PermSets/home');
        });

        it('accepts sets found by API name only, and sets with no license', () => {
            const facts = readyOrg();
            const permissionSets = [
                { id: DOCGEN_PS, name: 'DocGenRuntimeCommunityUser', label: 'DocGen Community (renamed)' },
                { id: CCPLUS_PS, name: 'ContractManagementCCPlusDigitalExperienceUser', label: 'CC Plus DX' },
            ];
            const row = rowOf({ ...facts, permissionSets }, 'CONTRACTS_PERMISSION_SETS');
            expect(row.status).toBe('done');
            expect(row.reason.values).toEqual(['DocGen Community (renamed)', '', 'CC Plus DX', '']);
        });

        it('lists each missing set and each license without seats', () => {
            const facts = readyOrg();
            const permissionSets = facts.permissionSets.filter((permissionSet) => permissionSet.id !== CCPLUS_PS);
            const permissionSetLicenses = facts.permissionSetLicenses.map((psl) => ({
                ...psl,
                usedLicenses: psl.id === DOCGEN_PSL ? 10 : psl.usedLicenses,
            }));
            const row = rowOf({ ...facts, permissionSets, permissionSetLicenses }, 'CONTRACTS_PERMISSION_SETS');
            expect(row.status).toBe('needs-action');
            expect(row.findings).toEqual([
                {
                    code: 'PERMISSION_SET_LICENSE_NO_SEATS',
                    values: ['DocGen Run-time Community User', 'DocGen Runtime Community User', '10', '10'],
                    action: { kind: 'setup-link', url: SETUP_URLS.companyInformation },
                },
                {
                    code: 'PERMISSION_SET_MISSING',
                    values: ['Contract Management CC Plus Digital Experience User'],
                    action: { kind: 'setup-link', url: SETUP_URLS.permissionSets },
                },
            ]);
            expect(row.reason.code).toBe('PERMISSION_SET_LICENSE_NO_SEATS');
        });
    });

    describe('site', () => {
        it('is done with a Live site that shows all settings and has a qualifying profile as member', () => {
            const row = rowOf(readyOrg(), 'SITE');
            expect(row.reason).toEqual({ code: 'SITE_READY', values: ['Contracts Portal'] });
            expect(row.setupUrl).toBe('/lightning/setup/SetupNetworks/home');
        });

        it('accepts membership through a Contracts permission set', () => {
            const row = rowOf(readyOrg({ sites: [site({ memberParentIds: [CCPLUS_PS] })] }), 'SITE');
            expect(row.status).toBe('done');
        });

        it('links to All Sites to create a site when there is none', () => {
            const row = rowOf(readyOrg({ sites: [] }), 'SITE');
            expect(row.reason).toEqual({ code: 'SITE_MISSING' });
            expect(row.action).toEqual({ kind: 'setup-link', url: SETUP_URLS.allSites });
        });

        it('offers every fix a site in preview needs, in the seed order', () => {
            const row = rowOf(
                readyOrg({
                    sites: [site({ status: 'UnderConstruction', showAllSettings: false, memberParentIds: [] })],
                }),
                'SITE',
            );
            expect(row.status).toBe('needs-action');
            expect(row.findings).toEqual([
                {
                    code: 'SITE_NOT_LIVE',
                    values: ['Contracts Portal'],
                    action: { kind: 'fix', fix: 'ACTIVATE_SITE', values: [SITE] },
                },
                {
                    code: 'SITE_SHOW_ALL_SETTINGS_OFF',
                    values: ['Contracts Portal'],
                    action: { kind: 'fix', fix: 'SHOW_ALL_SETTINGS', values: [SITE] },
                },
                {
                    code: 'SITE_PROFILE_NOT_MEMBER',
                    values: ['Contracts Portal', 'CC Plus - Contracts'],
                    action: { kind: 'fix', fix: 'ADD_PROFILE_MEMBER', values: [SITE, PLUS_PROFILE] },
                },
            ]);
            expect(row.action).toEqual({ kind: 'fix', fix: 'ACTIVATE_SITE', values: [SITE] });
        });

        it('reactivates an offline site', () => {
            const row = rowOf(readyOrg({ sites: [site({ status: 'DownForMaintenance' })] }), 'SITE');
            expect(row.findings).toEqual([
                {
                    code: 'SITE_OFFLINE',
                    values: ['Contracts Portal'],
                    action: { kind: 'fix', fix: 'ACTIVATE_SITE', values: [SITE] },
                },
            ]);
        });

        it('requires the chosen profile among the members, and measures the chosen site', () => {
            const other = site({ id: '0DB000000000002AAA', name: 'Other', memberParentIds: [PLUS_LOGIN_PROFILE] });
            const facts = readyOrg({ sites: [site(), other] });
            const chosenProfile = rowOf(facts, 'SITE', { profileId: PLUS_LOGIN_PROFILE });
            expect(chosenProfile.reason).toEqual({ code: 'SITE_READY', values: ['Other'] });
            const chosenSite = rowOf(facts, 'SITE', { profileId: PLUS_PROFILE, siteId: other.id });
            expect(chosenSite.findings).toEqual([
                {
                    code: 'SITE_PROFILE_NOT_MEMBER',
                    values: ['Other', 'CC Plus - Contracts'],
                    action: { kind: 'fix', fix: 'ADD_PROFILE_MEMBER', values: [other.id, PLUS_PROFILE] },
                },
            ]);
        });

        it('picks the site closest to ready, a Live one first', () => {
            const preview = site({ id: '0DB1', name: 'Preview', status: 'UnderConstruction' });
            const hidden = site({ id: '0DB2', name: 'Hidden settings', showAllSettings: false });
            const row = rowOf(readyOrg({ sites: [preview, hidden] }), 'SITE');
            expect(row.findings.map((finding) => finding.code)).toEqual(['SITE_SHOW_ALL_SETTINGS_OFF']);
            expect(row.action).toEqual({ kind: 'fix', fix: 'SHOW_ALL_SETTINGS', values: ['0DB2'] });
            const twoPreviews = rowOf(
                readyOrg({ sites: [preview, site({ id: '0DB3', name: 'Second', status: 'UnderConstruction' })] }),
                'SITE',
            );
            expect(twoPreviews.reason.values).toEqual(['Preview']);
        });

        it('points to Profiles when no profile qualifies to be added', () => {
            const facts = readyOrg({ sites: [site({ memberParentIds: [] })] });
            const profiles = facts.profiles.filter((profile) => profile.licenseName === 'Salesforce');
            const row = rowOf({ ...facts, profiles }, 'SITE');
            expect(row.findings).toEqual([
                {
                    code: 'SITE_NO_PROFILE_TO_ADD',
                    values: ['Contracts Portal'],
                    action: { kind: 'setup-link', url: SETUP_URLS.profiles },
                },
            ]);
        });
    });

    describe('contract sharers', () => {
        it('is done, as a warning-level row, when someone holds a CLM sharing set', () => {
            const row = rowOf(readyOrg(), 'CONTRACT_SHARERS');
            expect(row.severity).toBe('warning');
            expect(row.reason).toEqual({
                code: 'CONTRACT_SHARERS_PRESENT',
                values: ['3', 'CLM Runtime User, CLM Digital Experience Partner'],
            });
        });

        it('warns, linking to the permission set, when nobody holds one', () => {
            const facts = readyOrg();
            const permissionSets = facts.permissionSets.map((permissionSet) => ({
                ...permissionSet,
                activeAssigneeCount: permissionSet.id === CLM_RUNTIME_PS ? 0 : null,
            }));
            const rows = evaluateReadiness({ ...facts, permissionSets });
            const row = rows.find((item) => item.id === 'CONTRACT_SHARERS') as ReadinessRow;
            expect(row.status).toBe('needs-action');
            expect(row.severity).toBe('warning');
            expect(row.reason.code).toBe('CONTRACT_SHARERS_NONE');
            expect(row.action).toEqual({
                kind: 'setup-link',
                url: '/lightning/setup/PermSets/page?address=%2F0PS000000000003AAA',
            });
            // A warning does not stop readiness.
            expect(summarizeReadiness(rows)).toEqual({
                total: 8,
                counts: { done: 7, 'needs-action': 1, confirm: 0 },
                percentDone: 87,
                ready: true,
            });
        });

        it('warns when the org has neither CLM permission set', () => {
            const facts = readyOrg();
            const permissionSets = facts.permissionSets.filter(
                (permissionSet) => ![CLM_RUNTIME_PS, CLM_PARTNER_PS].includes(permissionSet.id),
            );
            const row = rowOf({ ...facts, permissionSets }, 'CONTRACT_SHARERS');
            expect(row.reason).toEqual({
                code: 'CONTRACT_SHARER_PERMISSION_SETS_MISSING',
                values: ['CLM Runtime User, CLM Digital Experience Partner'],
            });
            expect(row.severity).toBe('warning');
        });
    });
});

describe('summarizeReadiness', () => {
    it('counts statuses and is not ready while a required row needs action or confirmation', () => {
        const rows = evaluateReadiness(readyOrg({ confirmations: [], runningUser: { id: '005', name: 'A' } }));
        expect(summarizeReadiness(rows)).toEqual({
            total: 8,
            counts: { done: 6, 'needs-action': 1, confirm: 1 },
            percentDone: 75,
            ready: false,
        });
        expect(summarizeReadiness([])).toEqual({
            total: 0,
            counts: { done: 0, 'needs-action': 0, confirm: 0 },
            percentDone: 0,
            ready: true,
        });
    });
});

describe('shared vocabulary', () => {
    it('recognizes the Customer Community Plus licenses by name or definition key, in any case', () => {
        expect(isCustomerCommunityPlus('Customer Community Plus')).toBe(true);
        expect(isCustomerCommunityPlus('customer community plus login')).toBe(true);
        expect(isCustomerCommunityPlus('PID_Customer_Community_Plus')).toBe(true);
        expect(isCustomerCommunityPlus('Customer Community')).toBe(false);
        expect(isCustomerCommunityPlus('Partner Community')).toBe(false);
        expect(isCustomerCommunityPlus(null)).toBe(false);
        expect(isCustomerCommunityPlus(undefined)).toBe(false);
    });

    it('matches permission sets by label or API name, preferring an unmanaged one', () => {
        const known = CONTRACTS_PERMISSION_SETS.DOCGEN_RUNTIME_COMMUNITY_USER;
        expect(matchesPermissionSet({ name: 'X', label: 'docgen run-time community user' }, known)).toBe(true);
        expect(matchesPermissionSet({ name: 'DocGenRuntimeCommunityUser', label: 'Other' }, known)).toBe(true);
        expect(matchesPermissionSet({ name: 'DocGen_Runtime_Community_User', label: 'Other' }, known)).toBe(true);
        expect(matchesPermissionSet({ name: 'DocGenRuntime', label: 'DocGen Runtime' }, known)).toBe(false);
        const managed = { id: '0PS1', name: 'DocGenRuntimeCommunityUser', label: 'L', namespacePrefix: 'pkg' };
        const local = { id: '0PS2', name: 'DocGenRuntimeCommunityUser', label: 'L', namespacePrefix: null };
        expect(findPermissionSet([managed, local], known)?.id).toBe('0PS2');
        expect(findPermissionSet([managed], known)?.id).toBe('0PS1');
        expect(findPermissionSet([], known)).toBeUndefined();
    });

    it('builds Setup and record URLs and counts seats', () => {
        expect(profileUrl('00e1')).toBe('/lightning/setup/EnhancedProfiles/page?address=%2F00e1');
        expect(permissionSetUrl('0PS1')).toBe('/lightning/setup/PermSets/page?address=%2F0PS1');
        expect(userUrl('0051')).toBe(
            '/lightning/setup/ManageUsers/page?address=%2F0051%3Fnoredirect%3D1%26isUserEntityOverride%3D1',
        );
        expect(recordUrl('Contact', '0031')).toBe('/lightning/r/Contact/0031/view');
        expect(seatsLeft({ totalLicenses: 5, usedLicenses: 2 })).toBe(3);
        expect(seatsLeft({ totalLicenses: 5, usedLicenses: 7 })).toBe(0);
    });
});

describe('issue 11, seed 000: site membership, welcome email, profile access', () => {
    it('counts a membership only once Salesforce reports it Added', () => {
        const added = rowOf(readyOrg(), 'SITE');
        expect(added.status).toBe('done');
        const pending = rowOf(
            readyOrg({
                sites: [
                    site({
                        memberParentIds: [],
                        members: [{ parentId: PLUS_PROFILE, assignmentStatus: 'Add Calculated' }],
                    }),
                ],
            }),
            'SITE',
        );
        expect(pending.status).toBe('needs-action');
        expect(pending.reason.code).toBe('SITE_MEMBER_PENDING');
        expect(pending.action.kind).toBe('setup-link');
    });

    it('shows a failed membership as failed', () => {
        const failed = rowOf(
            readyOrg({
                sites: [
                    site({
                        memberParentIds: [],
                        members: [{ parentId: PLUS_PROFILE, assignmentStatus: 'Failed Add' }],
                    }),
                ],
            }),
            'SITE',
        );
        expect(failed.reason).toEqual({
            code: 'SITE_MEMBER_FAILED',
            values: ['Contracts Portal', 'CC Plus - Contracts', 'Failed Add'],
        });
    });

    it('measures the profile the admin chose, not any Customer Community Plus profile', () => {
        const facts = readyOrg({ sites: [site({ memberParentIds: [PLUS_LOGIN_PROFILE] })] });
        const chosenMember = rowOf(facts, 'SITE', { profileId: PLUS_LOGIN_PROFILE });
        expect(chosenMember.status).toBe('done');
        const otherChosen = rowOf(facts, 'SITE', { profileId: PLUS_PROFILE });
        expect(otherChosen.reason.code).toBe('SITE_PROFILE_NOT_MEMBER');
        expect(otherChosen.action).toEqual({ kind: 'fix', fix: 'ADD_PROFILE_MEMBER', values: [SITE, PLUS_PROFILE] });
    });

    it('notes whether the site sends a welcome email, and nothing when the setting is unknown', () => {
        expect(rowOf(readyOrg({ sites: [site({ sendWelcomeEmail: true })] }), 'SITE').notes).toEqual([
            { code: 'SITE_WELCOME_EMAIL_ON', values: ['Contracts Portal'] },
        ]);
        expect(rowOf(readyOrg({ sites: [site({ sendWelcomeEmail: false })] }), 'SITE').notes?.[0].code).toBe(
            'SITE_WELCOME_EMAIL_OFF',
        );
        expect(rowOf(readyOrg({ sites: [site({ sendWelcomeEmail: null })] }), 'SITE').notes).toBeUndefined();
    });

    it('flags a profile that cannot read Contract, and passes one that can', () => {
        const ready = readyOrg();
        expect(rowOf(ready, 'CCP_PROFILE').status).toBe('done');
        const lacking = readyOrg({
            profiles: ready.profiles.map((profile) => ({ ...profile, missingObjectAccess: ['Contract'] })),
        });
        const row = rowOf(lacking, 'CCP_PROFILE');
        expect(row.status).toBe('needs-action');
        expect(row.reason.code).toBe('CCP_PROFILE_OBJECT_ACCESS_MISSING');
        expect(row.reason.values?.[1]).toBe('Contract');
    });

    it('names the domain when Apex read it, and says so when it could not', () => {
        expect(rowOf(readyOrg({ experienceDomain: 'acme.my.site.com' }), 'DIGITAL_EXPERIENCES').reason).toEqual({
            code: 'DIGITAL_EXPERIENCES_ENABLED',
            values: ['acme.my.site.com'],
        });
        expect(rowOf(readyOrg({ experienceDomain: null }), 'DIGITAL_EXPERIENCES').reason.code).toBe(
            'DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN',
        );
    });

    it('names site statuses as Setup does', () => {
        expect(siteStatusKind('Live')).toBe('live');
        expect(siteStatusKind('UnderConstruction')).toBe('preview');
        expect(siteStatusKind('DownForMaintenance')).toBe('inactive');
        expect(memberStatusKind('Added')).toBe('added');
        expect(memberStatusKind('Failed Add')).toBe('failed');
        expect(memberStatusKind('Waiting for Add')).toBe('pending');
    });
});
