/**
 * The license conversion table of "Experience Cloud Licenses Eligible for Upgrades"
 * (seed 003_7706ceabebc363c0.txt, section "License Conversion and Upgrade Compatibility"),
 * as data. Pure: no DOM, no platform imports.
 */

/** The licenses a user can be converted to: the three families of the table, named and Login. */
export const TARGET_LICENSES = [
    'Customer Community',
    'Customer Community Login',
    'Customer Community Plus',
    'Customer Community Plus Login',
    'Partner Community',
    'Partner Community Login',
] as const;

export type TargetLicense = (typeof TARGET_LICENSES)[number];

/**
 * What converting a user takes:
 * - `none`: the user already has the target license;
 * - `change-profile`: the admin changes the license type and profile on the user record;
 * - `reenable-as-customer`: disable the user, re-enable the contact as a customer user (a new user record);
 * - `reenable-as-partner`: disable the customer user, enable the account as a partner account, enable the
 *   contact as a partner user;
 * - `migrate`: a license the table does not list: deactivate, create new user identities, migrate the data.
 */
export type ConversionPath = 'none' | 'change-profile' | 'reenable-as-customer' | 'reenable-as-partner' | 'migrate';

/** The table's columns: each target family, "Named User or Login Based". */
type TargetFamily = 'customer-community' | 'customer-community-plus' | 'partner-community';

/** The table's rows: groups of original licenses that share one row of verdicts. */
type SourceGroup =
    | 'partner-portal'
    | 'customer-portal-manager'
    | 'high-volume-and-identity'
    | 'customer-community'
    | 'customer-community-plus'
    | 'partner-community'
    | 'external-apps';

/** Original licenses by `UserLicense.Name`, exactly as the seed's table writes them. */
const SOURCE_GROUPS: Readonly<Record<SourceGroup, readonly string[]>> = {
    'partner-portal': ['Partner', 'Gold Partner', 'Silver Partner', 'Bronze Partner'],
    'customer-portal-manager': [
        'Customer Portal Manager Custom',
        'Customer Portal Manager Standard',
        'Overage Customer Portal Manager Custom',
        'Overage Customer Portal Manager Standard',
    ],
    'high-volume-and-identity': [
        'External Identity',
        'High Volume Customer Portal',
        'Overage High Volume Customer Portal',
        'Authenticated Website User Overage',
        'Authenticated Website User',
    ],
    // The table's rows for the community licenses cover both the named and the Login license.
    'customer-community': ['Customer Community', 'Customer Community Login'],
    'customer-community-plus': ['Customer Community Plus', 'Customer Community Plus Login'],
    'partner-community': ['Partner Community', 'Partner Community Login'],
    'external-apps': ['External Apps'],
};

/** The table's cells. A check mark is `change-profile`; each cross says which re-enable it needs. */
const TABLE: Readonly<Record<SourceGroup, Readonly<Record<TargetFamily, ConversionPath>>>> = {
    // "An admin must disable the contact as a Partner User and re-enable as a Customer User."
    'partner-portal': {
        'customer-community': 'reenable-as-customer',
        'customer-community-plus': 'reenable-as-customer',
        'partner-community': 'change-profile',
    },
    // Customer portal -> Customer Community: disable and re-enable as a Customer User; -> Plus: profile
    // change "and vice versa"; -> Partner: disable, enable the account as partner, enable as Partner User.
    'customer-portal-manager': {
        'customer-community': 'reenable-as-customer',
        'customer-community-plus': 'change-profile',
        'partner-community': 'reenable-as-partner',
    },
    'high-volume-and-identity': {
        'customer-community': 'change-profile',
        'customer-community-plus': 'change-profile',
        'partner-community': 'change-profile',
    },
    'customer-community': {
        'customer-community': 'change-profile',
        'customer-community-plus': 'change-profile',
        'partner-community': 'change-profile',
    },
    'customer-community-plus': {
        'customer-community': 'reenable-as-customer',
        'customer-community-plus': 'change-profile',
        'partner-community': 'reenable-as-partner',
    },
    'partner-community': {
        'customer-community': 'reenable-as-customer',
        'customer-community-plus': 'reenable-as-customer',
        'partner-community': 'change-profile',
    },
    'external-apps': {
        'customer-community': 'change-profile',
        'customer-community-plus': 'change-profile',
        'partner-community': 'change-profile',
    },
};

/**
 * "There are other customer licenses associated with the CSPLitePortal user type that support
 * license upgrades, but with some loss of data access" (seed 003), and "we support license upgrades
 * for all users where their UserType equals CSPLitePortal (in the Salesforce API) to PowerPartner or
 * PowerCustomerSuccess": a license the table does not list, held by a `CspLitePortal` user, converts
 * to the role-based families by a profile change. Customer Community stays CSPLitePortal, which is
 * no upgrade: the table's "other license types" rule (migrate) applies there.
 */
const LITE_PORTAL_UPGRADES: Readonly<Partial<Record<TargetFamily, ConversionPath>>> = {
    'customer-community-plus': 'change-profile',
    'partner-community': 'change-profile',
};

/** `User.UserType` of the seed's "CSPLitePortal" users, as the API spells it (compared case-insensitively). */
export const LITE_PORTAL_USER_TYPE = 'CspLitePortal';

/** Every license the table names, for filters and pickers, in the table's order. */
export const KNOWN_LICENSES: readonly string[] = Object.values(SOURCE_GROUPS).flat();

const TARGET_FAMILY: Readonly<Record<TargetLicense, TargetFamily>> = {
    'Customer Community': 'customer-community',
    'Customer Community Login': 'customer-community',
    'Customer Community Plus': 'customer-community-plus',
    'Customer Community Plus Login': 'customer-community-plus',
    'Partner Community': 'partner-community',
    'Partner Community Login': 'partner-community',
};

/**
 * `UserLicense.LicenseDefinitionKey` values known for the community licenses, so that a license
 * row is identified whichever field the facts carry. Other licenses are identified by name only.
 */
const LICENSE_DEFINITION_KEYS: Readonly<Record<string, TargetLicense>> = {
    PID_Customer_Community: 'Customer Community',
    PID_Customer_Community_Login: 'Customer Community Login',
    PID_Customer_Community_Plus: 'Customer Community Plus',
    PID_Customer_Community_Plus_Login: 'Customer Community Plus Login',
    PID_Partner_Community: 'Partner Community',
    PID_Partner_Community_Login: 'Partner Community Login',
};

/** Case-insensitive, surrounding spaces ignored, inner runs of spaces collapsed. */
function normalize(license: string): string {
    return license.trim().replace(/\s+/g, ' ').toLowerCase();
}

const CANONICAL_NAMES = new Map<string, string>(
    [...Object.values(SOURCE_GROUPS).flat(), ...TARGET_LICENSES].map((name) => [normalize(name), name]),
);
const KEYS = new Map<string, TargetLicense>(
    Object.entries(LICENSE_DEFINITION_KEYS).map(([key, name]) => [normalize(key), name]),
);
const GROUP_OF = new Map<string, SourceGroup>(
    (Object.entries(SOURCE_GROUPS) as Array<[SourceGroup, readonly string[]]>).flatMap(([group, names]) =>
        names.map((name): [string, SourceGroup] => [normalize(name), group]),
    ),
);

/**
 * Names already resolved: an org has a few dozen license names, and a validation of thousands of
 * users asks for the same ones again and again.
 */
const resolved = new Map<string, string>();

/**
 * The license's name as Salesforce and the seed write it, from a `UserLicense.Name` in any case
 * or a known `LicenseDefinitionKey`; a license the table does not know comes back trimmed.
 * @param license a license name or definition key
 * @returns the canonical name
 */
export function canonicalLicenseName(license: string): string {
    let name = resolved.get(license);
    if (name === undefined) {
        const key = normalize(license);
        name = KEYS.get(key) ?? CANONICAL_NAMES.get(key) ?? license.trim().replace(/\s+/g, ' ');
        resolved.set(license, name);
    }
    return name;
}

/**
 * Whether a license (name or definition key) is one of the conversion targets.
 * @param license a license name or definition key
 * @returns the target license, or undefined
 */
export function asTargetLicense(license: string): TargetLicense | undefined {
    const name = canonicalLicenseName(license);
    return (TARGET_LICENSES as readonly string[]).includes(name) ? (name as TargetLicense) : undefined;
}

/**
 * The target license a name or definition key stands for, or an error that names the allowed ones.
 * @param license a license name or definition key
 * @returns the target license
 * @throws Error when the license is not one users can be upgraded to
 */
export function requireTargetLicense(license: string): TargetLicense {
    const target = asTargetLicense(license);
    if (!target) {
        throw new Error(
            `"${license.trim()}" is not a license users can be upgraded to. Allowed targets: ${TARGET_LICENSES.join(', ')}.`,
        );
    }
    return target;
}

/**
 * Whether a user of a license the table does not list converts only by the CSPLitePortal rule
 * (seed 003: "with some loss of data access"): the user type is CSPLitePortal and the target is
 * Customer Community Plus or Partner Community (named or Login).
 * @param fromLicense the user's license: `UserLicense.Name` or `LicenseDefinitionKey`
 * @param toLicense the target license
 * @param userType the user's `UserType` (or the license's)
 * @returns true when the upgrade is supported with some loss of data access
 */
export function isLitePortalUpgrade(
    fromLicense: string,
    toLicense: string,
    userType: string | null | undefined,
): boolean {
    const target = asTargetLicense(toLicense);
    if (!target || !userType || normalize(userType) !== normalize(LITE_PORTAL_USER_TYPE)) {
        return false;
    }
    const source = canonicalLicenseName(fromLicense);
    return (
        normalize(source) !== normalize(target) &&
        !GROUP_OF.has(normalize(source)) &&
        LITE_PORTAL_UPGRADES[TARGET_FAMILY[target]] !== undefined
    );
}

/**
 * The seed 003 verdict for converting a user from one license to another.
 * @param fromLicense the user's current license: `UserLicense.Name` or `LicenseDefinitionKey`
 * @param toLicense the target license: one of {@link TARGET_LICENSES} (name or definition key)
 * @param userType the user's `UserType`: decides the path of a license the table does not list
 * @returns how the conversion is done
 * @throws Error when the target is not a community license of the table
 */
export function conversionPath(fromLicense: string, toLicense: string, userType?: string | null): ConversionPath {
    const target = requireTargetLicense(toLicense);
    const source = canonicalLicenseName(fromLicense);
    if (normalize(source) === normalize(target)) {
        return 'none';
    }
    const group = GROUP_OF.get(normalize(source));
    if (group) {
        return TABLE[group][TARGET_FAMILY[target]];
    }
    if (isLitePortalUpgrade(fromLicense, toLicense, userType)) {
        return LITE_PORTAL_UPGRADES[TARGET_FAMILY[target]] as ConversionPath;
    }
    // "To upgrade users with other license types, you must deactivate them, create user identities
    // for them, migrate their data over, and associate it with their new user records."
    return 'migrate';
}
