import {
    formatCount,
    formatDateTime,
    fixLabel,
    reasonMessage,
    rowTitle,
    seatVerdictLabel,
    setupLinkLabel,
    statusLabel,
} from 'c/readinessMessages';
import { ROW_ORDER, SETUP_URLS, profileUrl, userUrl } from 'c/readinessRules';
import type { ReasonCode } from 'c/readinessRules';

const CODES: ReasonCode[] = [
    'DIGITAL_EXPERIENCES_ENABLED',
    'DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN',
    'DIGITAL_EXPERIENCES_DISABLED',
    'STANDARD_EXTERNAL_PROFILES_CONFIRMED',
    'STANDARD_EXTERNAL_PROFILES_UNCONFIRMED',
    'ADMIN_HAS_ROLE',
    'ADMIN_NO_ROLE',
    'CCP_PROFILE_READY',
    'CCP_PROFILE_API_DISABLED',
    'CCP_PROFILE_CLONE_NEEDED',
    'CCP_PROFILE_MISSING',
    'CCP_SEATS_LICENSE_LEFT',
    'CCP_SEATS_LICENSE_FULL',
    'CCP_SEATS_LICENSE_EMPTY',
    'CCP_SEATS_LICENSE_MISSING',
    'CCP_SEATS_EXHAUSTED',
    'CCP_LICENSE_MISSING',
    'PERMISSION_SETS_READY',
    'PERMISSION_SET_MISSING',
    'PERMISSION_SET_LICENSE_NO_SEATS',
    'SITE_READY',
    'SITE_NEEDS_DIGITAL_EXPERIENCES',
    'SITE_MISSING',
    'SITE_NOT_LIVE',
    'SITE_OFFLINE',
    'SITE_SHOW_ALL_SETTINGS_OFF',
    'SITE_PROFILE_NOT_MEMBER',
    'SITE_NO_PROFILE_TO_ADD',
    'CONTRACT_SHARERS_PRESENT',
    'CONTRACT_SHARERS_NONE',
    'CONTRACT_SHARER_PERMISSION_SETS_MISSING',
];

describe('readinessMessages', () => {
    it('has a sentence for every reason code, with every placeholder filled', () => {
        const values = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
        for (const code of CODES) {
            const text = reasonMessage({ code, values });
            expect(text.length).toBeGreaterThan(10);
            expect(text).not.toMatch(/\{\d\}/);
        }
    });

    it('fills the values in the order the rules give them', () => {
        expect(reasonMessage({ code: 'SITE_PROFILE_NOT_MEMBER', values: ['Contracts Portal', 'CC Plus'] })).toBe(
            'CC Plus is not a member of Contracts Portal: its users would see their login refused as bad credentials.',
        );
        expect(reasonMessage({ code: 'SITE_MISSING' })).toContain('New');
    });

    it("shows the confirmation time in the admin's time zone, naming the zone, as History does", () => {
        // Jest's @salesforce/i18n: America/Los_Angeles, en-US (the admin of the sample org too).
        expect(
            reasonMessage({
                code: 'STANDARD_EXTERNAL_PROFILES_CONFIRMED',
                values: ['Ada Admin', '2026-11-30T13:14:00.000Z'],
            }),
        ).toBe('Confirmed by Ada Admin on Nov 30, 2026, 05:14 AM PST.');
        expect(formatDateTime('2025-07-02T03:04:05.000Z', 'Europe/Paris', 'en-GB')).toBe('02 Jul 2025, 05:04 CEST');
        expect(formatDateTime('2025-01-02T03:04:05.000Z', 'Not/AZone', 'en-US')).toBe('Jan 02, 2025, 03:04 AM UTC');
        expect(formatDateTime('yesterday')).toBe('yesterday');
        expect(formatDateTime(null)).toBe('');
    });

    it('names every row, status and fix', () => {
        for (const id of ROW_ORDER) {
            expect(rowTitle(id)).toBeTruthy();
        }
        expect(statusLabel('done')).toBe('Done');
        expect(statusLabel('needs-action')).toBe('Needs action');
        expect(statusLabel('confirm')).toBe('To confirm');
        expect(fixLabel('ACTIVATE_SITE', { values: ['Contracts Portal'] })).toBe('Activate Contracts Portal');
        expect(fixLabel('SHOW_ALL_SETTINGS', { values: ['P'] })).toBe('Show all settings in P');
        expect(fixLabel('ADD_PROFILE_MEMBER', { values: ['P', 'CC Plus'] })).toBe('Add CC Plus to P');
        expect(fixLabel('ADD_PROFILE_MEMBER', {})).toBe('Add {1} to {0}');
    });
});

describe('setupLinkLabel', () => {
    it('names the Setup page a link opens, a list or one record on it', () => {
        expect(setupLinkLabel(SETUP_URLS.users)).toBe('Open in Setup: Users');
        expect(setupLinkLabel(SETUP_URLS.companyInformation)).toBe('Open in Setup: Company Information');
        expect(setupLinkLabel(profileUrl('00e000000000001AAA'))).toBe('Open in Setup: the profile');
        expect(setupLinkLabel(userUrl('005000000000001AAA'))).toBe('Open in Setup: the user');
        expect(setupLinkLabel('/lightning/setup/ManageUsers/page?address=%2F005')).toBe('Open in Setup: the user');
    });

    it('falls back to "Open in Setup" for a page it does not know', () => {
        expect(setupLinkLabel('/lightning/setup/SomethingElse/home')).toBe('Open in Setup');
        expect(setupLinkLabel(undefined)).toBe('Open in Setup');
    });
});

describe('seats per license (issue 10 §2)', () => {
    it('words the line of each license: used of total and left, full, without seats, missing', () => {
        expect(
            reasonMessage({ code: 'CCP_SEATS_LICENSE_LEFT', values: ['Customer Community Plus', '12', '50', '38'] }),
        ).toBe('Customer Community Plus: 12 of 50 used, 38 left');
        expect(
            reasonMessage({ code: 'CCP_SEATS_LICENSE_LEFT', values: ['Customer Community Plus', '49', '50', '1'] }),
        ).toBe('Customer Community Plus: 49 of 50 used, 1 left');
        expect(
            reasonMessage({ code: 'CCP_SEATS_LICENSE_FULL', values: ['Customer Community Plus Login', '10', '10'] }),
        ).toBe('Customer Community Plus Login: 10 of 10 used, none left');
        expect(
            reasonMessage({ code: 'CCP_SEATS_LICENSE_EMPTY', values: ['Customer Community Plus Login', '0', '0'] }),
        ).toBe('Customer Community Plus Login: 0 of 0');
        expect(reasonMessage({ code: 'CCP_SEATS_LICENSE_MISSING', values: ['Customer Community Plus Login'] })).toBe(
            'Customer Community Plus Login: not in this org',
        );
        expect(
            reasonMessage({
                code: 'CCP_SEATS_EXHAUSTED',
                values: ['Customer Community Plus, Customer Community Plus Login'],
            }),
        ).toBe(
            'No seats left on Customer Community Plus, Customer Community Plus Login. Buy more or free seats by deactivating users.',
        );
    });

    it("names each license's verdict for its icon", () => {
        expect(seatVerdictLabel('pass')).toBe('Seats left');
        expect(seatVerdictLabel('warn')).toBe('No seats left: warning');
        expect(seatVerdictLabel('fail')).toBe('No seats left: needs action');
        expect(seatVerdictLabel('not-counted')).toBe("Not counted: not the chosen profile's license");
    });
});

describe('counts with thousands separators (admin walk, the large org)', () => {
    it('formats every count of a seat line, a license without seats and the sharers', () => {
        expect(
            reasonMessage({
                code: 'CCP_SEATS_LICENSE_LEFT',
                values: ['Customer Community Plus', '81', '12081', '12000'],
            }),
        ).toBe('Customer Community Plus: 81 of 12,081 used, 12,000 left');
        expect(reasonMessage({ code: 'CCP_SEATS_LICENSE_FULL', values: ['Login', '5000', '5000'] })).toBe(
            'Login: 5,000 of 5,000 used, none left',
        );
        expect(
            reasonMessage({
                code: 'PERMISSION_SET_LICENSE_NO_SEATS',
                values: ['DocGen', 'DocGen PSL', '12000', '12000'],
            }),
        ).toBe('DocGen needs the license DocGen PSL, and all its seats are taken (12,000 of 12,000).');
        expect(reasonMessage({ code: 'CONTRACT_SHARERS_PRESENT', values: ['1500', 'CLM Runtime User'] })).toBe(
            '1,500 active users hold CLM Runtime User and can share contract documents.',
        );
        // A license name is not a count, even when it is made of digits.
        expect(reasonMessage({ code: 'CCP_SEATS_LICENSE_MISSING', values: ['12000'] })).toBe('12000: not in this org');
    });

    it('says what the number behind each Contracts permission set counts: the seats left', () => {
        expect(
            reasonMessage({
                code: 'PERMISSION_SETS_READY',
                values: [
                    'DocGen Run-time Community User',
                    '12000',
                    'Contract Management CC Plus Digital Experience User',
                    '1',
                ],
            }),
        ).toBe(
            'Both Contracts permission sets are present: DocGen Run-time Community User: 12,000 seats left; Contract Management CC Plus Digital Experience User: 1 seat left.',
        );
        expect(reasonMessage({ code: 'PERMISSION_SETS_READY', values: ['DocGen', '6', 'CC Plus DX', ''] })).toBe(
            'Both Contracts permission sets are present: DocGen: 6 seats left; CC Plus DX.',
        );
        expect(formatCount('12081')).toBe('12,081');
        expect(formatCount('n/a')).toBe('n/a');
        expect(formatCount(undefined)).toBe('');
    });
});

describe('counts, for one and for many (issue 11 §1)', () => {
    it('words the contract sharers for one holder and for many', () => {
        expect(reasonMessage({ code: 'CONTRACT_SHARERS_PRESENT', values: ['1', 'CLM Runtime User'] })).toBe(
            '1 active user holds CLM Runtime User and can share contract documents.',
        );
        expect(reasonMessage({ code: 'CONTRACT_SHARERS_PRESENT', values: ['3', 'CLM Runtime User'] })).toBe(
            '3 active users hold CLM Runtime User and can share contract documents.',
        );
    });
});
