// Pure generators for scripts/org-setup/setup-org.mjs: the metadata files it deploys and the profile
// rewrite that stands in for Setup's "Clone" button. No file system, no network: everything here is
// tested offline by scripts/__tests__/orgSetup.test.ts. CommonJS so that Jest can require it.
//
// The steps come from seed 000 ("Set Up Salesforce Contracts Customer Community Plus User"):
//   - "Select Enable Digital Experiences" and "Allow using standard external profiles for
//     self-registration, user creation, and login" -> CommunitiesSettings.enableNetworksEnabled and
//     CommunitiesSettings.enableOotbProfExtUserOpsEnable (Metadata API, CommunitiesSettings).
//   - "Clone and configure a customer community plus profile ... select API Enabled" -> a new Profile
//     whose userPermissions contain ApiEnabled (Profile supports no DML and no clone call, so the
//     source profile is retrieved, rewritten and deployed under the new name).
const { XMLBuilder, XMLParser, XMLValidator } = require('fast-xml-parser');

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
const DEFAULT_API_VERSION = '65.0';
const PACKAGE_DIR = 'force-app';
const SETTINGS_FILE = `${PACKAGE_DIR}/main/default/settings/Communities.settings-meta.xml`;
const PROFILES_DIR = `${PACKAGE_DIR}/main/default/profiles`;
const API_ENABLED = 'ApiEnabled';

/**
 * The templates seed 000 names ("Create an Experience Cloud Site for Customer Community Plus Users":
 * Customer Account Portal, Customer Service, or Build Your Own (Aura)). `cliName` is the name the
 * Connect API (and so `sf community create --template-name`) knows: the Aura "Build Your Own"
 * template is listed as plain "Build Your Own" by `sf community list template`; the LWR one is
 * "Build Your Own (LWR)" and is not offered here.
 */
const TEMPLATES = [
    { label: 'Customer Account Portal', cliName: 'Customer Account Portal' },
    { label: 'Customer Service', cliName: 'Customer Service' },
    { label: 'Build Your Own (Aura)', cliName: 'Build Your Own' },
];

/**
 * Profile fields in Metadata API order (the WSDL sequence, alphabetical). The Metadata API rejects
 * elements out of sequence ("Element ... invalid at this location"), so inserted elements go here.
 */
const PROFILE_FIELD_ORDER = [
    'fullName',
    'applicationVisibilities',
    'categoryGroupVisibilities',
    'classAccesses',
    'custom',
    'customMetadataTypeAccesses',
    'customPermissions',
    'customSettingAccesses',
    'description',
    'externalDataSourceAccesses',
    'fieldPermissions',
    'flowAccesses',
    'layoutAssignments',
    'loginFlows',
    'loginHours',
    'loginIpRanges',
    'objectPermissions',
    'pageAccesses',
    'profileActionOverrides',
    'recordTypeVisibilities',
    'tabVisibilities',
    'userLicense',
    'userPermissions',
];

const XML_OPTIONS = {
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    commentPropName: '#comment',
};
const parser = new XMLParser(XML_OPTIONS);
const builder = new XMLBuilder({ ...XML_OPTIONS, format: true, indentBy: '    ', suppressEmptyNode: true });

/** @param {string} name a template name as typed; case and surrounding spaces are ignored */
function resolveTemplate(name) {
    const wanted = String(name ?? '')
        .trim()
        .toLowerCase();
    return TEMPLATES.find((t) => t.label.toLowerCase() === wanted || t.cliName.toLowerCase() === wanted);
}

/** sfdx-project.json of a throwaway project: no namespace, so nothing is prefixed on deploy. */
function projectJson(apiVersion = DEFAULT_API_VERSION) {
    return `${JSON.stringify(
        { packageDirectories: [{ path: PACKAGE_DIR, default: true }], sourceApiVersion: apiVersion },
        null,
        4,
    )}\n`;
}

/** CommunitiesSettings with Digital Experiences on and standard external profiles allowed. */
function communitiesSettingsXml() {
    // Elements in the WSDL's (alphabetical) order. The Digital Experiences domain that seed 000 asks
    // for ("Enter a domain name, and then click Check Availability") is no longer chosen: with enhanced
    // domains (on in every org since Winter '24) the org's sites live at <MyDomain>.my.site.com.
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<CommunitiesSettings xmlns="${METADATA_NAMESPACE}">`,
        '    <enableNetworksEnabled>true</enableNetworksEnabled>',
        '    <enableOotbProfExtUserOpsEnable>true</enableOotbProfExtUserOpsEnable>',
        '</CommunitiesSettings>',
        '',
    ].join('\n');
}

/**
 * The source-format project that step 1 deploys (relative path -> content).
 * @returns {{ path: string, content: string }[]}
 */
function settingsProjectFiles(apiVersion = DEFAULT_API_VERSION) {
    return [
        { path: 'sfdx-project.json', content: projectJson(apiVersion) },
        { path: SETTINGS_FILE, content: communitiesSettingsXml() },
    ];
}

/**
 * The file name of a profile in source format. A profile's API name is its file name; characters the
 * Metadata API encodes in file names (and `.`, which would end the name) are percent-encoded, as
 * a retrieve writes them ("Custom%3A Sales Profile.profile-meta.xml").
 */
function profileFileName(profileName) {
    const encoded = String(profileName).replace(
        /[%./\\:*?"<>|]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    return `${encoded}.profile-meta.xml`;
}

function profileFilePath(profileName) {
    return `${PROFILES_DIR}/${profileFileName(profileName)}`;
}

/** The source-format project that step 2 deploys. */
function profileProjectFiles(profileName, profileXml, apiVersion = DEFAULT_API_VERSION) {
    return [
        { path: 'sfdx-project.json', content: projectJson(apiVersion) },
        { path: profileFilePath(profileName), content: profileXml },
    ];
}

// --- preserveOrder node helpers: a node is { tag: children[], ':@'?: attributes } or { '#text': v }

function tagOf(node) {
    return Object.keys(node).find((key) => key !== ':@');
}

function textOf(children) {
    const textNode = (children ?? []).find((child) => tagOf(child) === '#text');
    return textNode ? String(textNode['#text']).trim() : '';
}

function childText(node, tag) {
    const child = node[tagOf(node)].find((c) => tagOf(c) === tag);
    return child ? textOf(child[tag]) : undefined;
}

function element(tag, value) {
    return { [tag]: [{ '#text': value }] };
}

/** Inserts `node` before the first sibling that the Metadata API expects after it. */
function insertInOrder(children, node, isAfter) {
    const index = children.findIndex((child) => isAfter(child));
    if (index === -1) children.push(node);
    else children.splice(index, 0, node);
}

function fieldRank(tag) {
    const rank = PROFILE_FIELD_ORDER.indexOf(tag);
    return rank === -1 ? undefined : rank;
}

function comesAfterField(tag) {
    const rank = fieldRank(tag);
    return (child) => {
        const childRank = fieldRank(tagOf(child));
        return childRank !== undefined && childRank > rank;
    };
}

/**
 * Rewrites a retrieved profile (source format, `.profile-meta.xml`) into the clone that seed 000 asks
 * for: a custom profile on the same user license, with API Enabled. Everything else is kept as it is,
 * in the same order. Throws when the XML is not a profile or has no userLicense (the license is what
 * makes the clone a Customer Community Plus profile; a profile deployed without one gets a default
 * license, not the source's).
 *
 * @param {string} sourceXml the source profile's XML
 * @param {{ profileName?: string }} [options] `profileName` replaces a `<fullName>` element if the file
 *   has one (source format usually has none: the name is the file name, see profileFileName)
 * @returns {{ xml: string, userLicense: string, changes: string[] }}
 */
function cloneProfileXml(sourceXml, options = {}) {
    const valid = XMLValidator.validate(sourceXml);
    if (valid !== true) {
        throw new Error(`The source profile is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    }
    const document = parser.parse(sourceXml);
    const root = document.find((node) => tagOf(node) === 'Profile');
    if (!root) throw new Error('The source file is not a profile: its root element is not <Profile>.');
    const children = root.Profile;
    const changes = [];

    const userLicense = childText(root, 'userLicense');
    if (!userLicense) {
        throw new Error('The source profile has no <userLicense>: the clone would not get its license.');
    }

    const fullName = children.find((child) => tagOf(child) === 'fullName');
    if (fullName && options.profileName) {
        fullName.fullName = [{ '#text': options.profileName }];
        changes.push(`fullName set to ${options.profileName}`);
    }

    // <custom>true</custom>: a clone is a custom profile, whatever the source was.
    const custom = children.find((child) => tagOf(child) === 'custom');
    if (custom) {
        if (textOf(custom.custom) !== 'true') changes.push('custom: false -> true');
        custom.custom = [{ '#text': 'true' }];
    } else {
        insertInOrder(children, element('custom', 'true'), comesAfterField('custom'));
        changes.push('custom: added, true');
    }

    // <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>, exactly once.
    const isApiEnabled = (child) => tagOf(child) === 'userPermissions' && childText(child, 'name') === API_ENABLED;
    const existing = children.filter(isApiEnabled);
    if (existing.length > 0) {
        const [first, ...duplicates] = existing;
        const enabled = first.userPermissions.find((c) => tagOf(c) === 'enabled');
        if (!enabled) {
            first.userPermissions.unshift(element('enabled', 'true'));
            changes.push('ApiEnabled: enabled added, true');
        } else if (textOf(enabled.enabled) !== 'true') {
            enabled.enabled = [{ '#text': 'true' }];
            changes.push('ApiEnabled: false -> true');
        }
        for (const duplicate of duplicates) children.splice(children.indexOf(duplicate), 1);
        if (duplicates.length > 0) changes.push(`ApiEnabled: ${duplicates.length} duplicate entries removed`);
    } else {
        // Among the other userPermissions, in name order as a retrieve writes them; else after userLicense.
        const permission = {
            userPermissions: [element('enabled', 'true'), element('name', API_ENABLED)],
        };
        const hasPermissions = children.some((child) => tagOf(child) === 'userPermissions');
        insertInOrder(
            children,
            permission,
            hasPermissions
                ? (child) => tagOf(child) === 'userPermissions' && String(childText(child, 'name') ?? '') > API_ENABLED
                : comesAfterField('userPermissions'),
        );
        changes.push('ApiEnabled: added, true');
    }

    let xml = builder.build(document);
    if (!xml.trimStart().startsWith('<?xml')) xml = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
    return { xml: `${xml.trim()}\n`, userLicense, changes };
}

module.exports = {
    API_ENABLED,
    DEFAULT_API_VERSION,
    METADATA_NAMESPACE,
    PACKAGE_DIR,
    PROFILE_FIELD_ORDER,
    SETTINGS_FILE,
    TEMPLATES,
    cloneProfileXml,
    communitiesSettingsXml,
    profileFileName,
    profileFilePath,
    profileProjectFiles,
    projectJson,
    resolveTemplate,
    settingsProjectFiles,
};
