import { formatDateTime, fixLabel, reasonMessage, rowTitle, statusLabel } from 'c/readinessMessages';
import { ROW_ORDER } from 'c/readinessRules';
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
    'CCP_SEATS_AVAILABLE',
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
        const values = ['A', 'B', 'C', 'D'];
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

    it('shows the confirmation time the same way in every locale', () => {
        expect(
            reasonMessage({
                code: 'STANDARD_EXTERNAL_PROFILES_CONFIRMED',
                values: ['Ada Admin', '2025-01-02T03:04:05.000Z'],
            }),
        ).toBe('Confirmed by Ada Admin on 2025-01-02 03:04 UTC.');
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
