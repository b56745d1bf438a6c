import {
    KNOWN_LICENSES,
    TARGET_LICENSES,
    asTargetLicense,
    canonicalLicenseName,
    conversionPath,
} from 'c/licenseConversion';
import type { ConversionPath } from 'c/licenseConversion';

const CP = 'change-profile';
const RC = 'reenable-as-customer';
const RP = 'reenable-as-partner';

/**
 * Seed 003's table read cell by cell: [Customer Community, Customer Community Plus, Partner Community],
 * each column "Named User or Login Based".
 */
const SEED_TABLE: Array<[string, [ConversionPath, ConversionPath, ConversionPath]]> = [
    ['Partner', [RC, RC, CP]],
    ['Gold Partner', [RC, RC, CP]],
    ['Silver Partner', [RC, RC, CP]],
    ['Bronze Partner', [RC, RC, CP]],
    ['Customer Portal Manager Custom', [RC, CP, RP]],
    ['Customer Portal Manager Standard', [RC, CP, RP]],
    ['Overage Customer Portal Manager Custom', [RC, CP, RP]],
    ['Overage Customer Portal Manager Standard', [RC, CP, RP]],
    ['External Identity', [CP, CP, CP]],
    ['High Volume Customer Portal', [CP, CP, CP]],
    ['Overage High Volume Customer Portal', [CP, CP, CP]],
    ['Authenticated Website User Overage', [CP, CP, CP]],
    ['Authenticated Website User', [CP, CP, CP]],
    ['Customer Community Plus', [RC, CP, RP]],
    ['Customer Community Plus Login', [RC, CP, RP]],
    ['Partner Community', [RC, RC, CP]],
    ['Partner Community Login', [RC, RC, CP]],
    ['External Apps', [CP, CP, CP]],
];

const FAMILIES: Array<[string, string]> = [
    ['Customer Community', 'Customer Community Login'],
    ['Customer Community Plus', 'Customer Community Plus Login'],
    ['Partner Community', 'Partner Community Login'],
];

describe('conversionPath', () => {
    describe.each(SEED_TABLE)('from %s', (from, verdicts) => {
        it.each(FAMILIES.map(([named, login], column) => [named, login, verdicts[column]]))(
            'to %s or %s: %s',
            (named, login, expected) => {
                for (const target of [named, login]) {
                    const path = conversionPath(from, target);
                    // The same license is no conversion at all.
                    expect(path).toBe(from === target ? 'none' : expected);
                }
            },
        );
    });

    it('converts Customer Community (named or Login) by a profile change to every target', () => {
        for (const from of ['Customer Community', 'Customer Community Login']) {
            for (const target of TARGET_LICENSES) {
                expect(conversionPath(from, target)).toBe(from === target ? 'none' : CP);
            }
        }
    });

    it('switches between named and Login within a family on the user record', () => {
        expect(conversionPath('Customer Community Plus', 'Customer Community Plus Login')).toBe(CP);
        expect(conversionPath('Customer Community Plus Login', 'Customer Community Plus')).toBe(CP);
        expect(conversionPath('Partner Community Login', 'Partner Community')).toBe(CP);
        expect(conversionPath('Customer Community Login', 'Customer Community')).toBe(CP);
    });

    it('sends licenses the table does not list, internal ones included, to migration', () => {
        expect(conversionPath('Salesforce', 'Customer Community Plus')).toBe('migrate');
        expect(conversionPath('Salesforce Platform', 'Partner Community')).toBe('migrate');
        expect(conversionPath('Chatter External', 'Customer Community')).toBe('migrate');
        expect(conversionPath('', 'Customer Community Plus')).toBe('migrate');
    });

    it('compares names case-insensitively, ignoring surrounding and repeated spaces', () => {
        expect(conversionPath('  gold PARTNER ', ' customer community plus login ')).toBe(RC);
        expect(conversionPath('external   identity', 'PARTNER COMMUNITY')).toBe(CP);
        expect(conversionPath(' Customer Community Plus ', 'customer community plus')).toBe('none');
    });

    it('identifies licenses by LicenseDefinitionKey on either side', () => {
        expect(conversionPath('PID_Customer_Community', 'PID_Customer_Community_Plus')).toBe(CP);
        expect(conversionPath('PID_Partner_Community', 'Customer Community Plus')).toBe(RC);
        expect(conversionPath('pid_customer_community_plus_login', 'PID_Partner_Community_Login')).toBe(RP);
        expect(conversionPath('PID_Customer_Community_Login', 'Customer Community Login')).toBe('none');
    });

    it('refuses a target outside the six community licenses, naming the allowed ones', () => {
        for (const target of ['Salesforce', 'Gold Partner', 'External Identity', '', 'Customer Community Plus X']) {
            expect(() => conversionPath('Customer Community', target)).toThrow(
                new RegExp(`Allowed targets: ${TARGET_LICENSES.join(', ')}`),
            );
        }
    });
});

describe('canonicalLicenseName and asTargetLicense', () => {
    it('returns the seed spelling for known names and keys, and a trimmed name otherwise', () => {
        expect(canonicalLicenseName(' overage high volume customer portal ')).toBe(
            'Overage High Volume Customer Portal',
        );
        expect(canonicalLicenseName('PID_Partner_Community_Login')).toBe('Partner Community Login');
        expect(canonicalLicenseName('  Some   Custom License ')).toBe('Some Custom License');
    });

    it('recognises exactly the six targets', () => {
        expect(TARGET_LICENSES).toHaveLength(6);
        expect(asTargetLicense('pid_customer_community_plus')).toBe('Customer Community Plus');
        expect(asTargetLicense('partner community login')).toBe('Partner Community Login');
        expect(asTargetLicense('External Identity')).toBeUndefined();
    });
});

describe('KNOWN_LICENSES', () => {
    it('lists every original license of the table once, the six targets among them', () => {
        expect(new Set(KNOWN_LICENSES).size).toBe(KNOWN_LICENSES.length);
        expect(KNOWN_LICENSES).toEqual(
            expect.arrayContaining([...TARGET_LICENSES, 'External Identity', 'Gold Partner']),
        );
        expect(SEED_TABLE.map(([license]) => license).every((license) => KNOWN_LICENSES.includes(license))).toBe(true);
    });
});
