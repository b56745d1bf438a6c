/**
 * The sample org's user setup is the preview's stand-in for `UserSetupService` and
 * `UserEnablementService`: the same facts, inline accounts and contacts, per-row results and
 * log records as the Apex, over records that change the way the platform changes them (users,
 * seats, portal roles, assignments), with the platform's refusals mapped to the rules' codes.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import BATCH_SIZE from '@salesforce/label/c.CCSA_Upgrade_Batch_Size';
import { formatLabel } from 'c/labelFormat';
import { namePatterns } from 'c/enablementRun';
import type { ContactFact } from 'c/userEnablement';
import ROLE_BASED_BATCH_TOO_LARGE from '@salesforce/label/c.CCSA_Policy_Role_Based_Batch_Too_Large';
import DUPLICATE_FOUND from '@salesforce/label/c.CCSA_Enable_Duplicate_Found';
import {
    codeFor,
    createAccountsAndContacts,
    enableUsers,
    findExistingCustomers,
    getEnablementFacts,
    resetSampleSettings,
    searchContacts,
    setSampleSettings,
} from '../sample-org/apex/UserSetupController';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import type { Contact, Id, PermissionSet, Profile, User } from '../sample-org/types';

type EnableRequest = Apex.UserEnablementService.EnableRequest;

const LOGIN_CONTRACTS = 'Customer Community Plus Login User - Contracts';
const PLUS_CONTRACTS = 'Customer Community Plus User - Contracts';
const DOCGEN = 'DocGen Run-time Community User';
const EXPERIENCE = 'Contract Management CC Plus Digital Experience User';
const BATCH_SIZE_MESSAGE = formatLabel(BATCH_SIZE, 200);

/** Contacts without a user whose account owner has a role, with a valid email (the happy path). */
const READY = ['Amara Fischer', 'Amara Horvat', 'Anya Weber', 'Bruno Quist', 'Carla Weber'];
/** Contacts without a user whose account owner has no role. */
const OWNER_WITHOUT_ROLE = ['Aisha Garcia', 'Aisha Alvarez'];

function contactNamed(name: string): Contact {
    const matches = org.Contact.filter((c) => `${c.FirstName} ${c.LastName}` === name);
    if (matches.length !== 1) {
        throw new Error(`${matches.length} sample contacts named ${name}`);
    }
    return matches[0];
}

function profileNamed(name: string): Profile {
    return org.Profile.find((p) => p.Name === name) as Profile;
}

function permissionSetLabelled(label: string): PermissionSet {
    return org.PermissionSet.find((ps) => ps.Label === label) as PermissionSet;
}

function licenseOf(profileName: string) {
    return org.UserLicense.find((l) => l.Id === profileNamed(profileName).UserLicenseId) as (typeof org.UserLicense)[0];
}

function pslOf(label: string) {
    return org.PermissionSetLicense.find((l) => l.Id === permissionSetLabelled(label).LicenseId) as
        (typeof org.PermissionSetLicense)[0] | undefined;
}

function userOf(contact: Contact): User | undefined {
    return org.User.find((u) => u.ContactId === contact.Id);
}

function labelsOf(userId: Id): string[] {
    return org.PermissionSetAssignment.filter((a) => a.AssigneeId === userId)
        .map((a) => org.PermissionSet.find((ps) => ps.Id === a.PermissionSetId)?.Label ?? '')
        .sort();
}

/** A row as `c/userEnablement` plans it: the two Contracts permission sets and their licenses. */
function requestFor(contact: Contact, profileName = LOGIN_CONTRACTS, overrides: Partial<EnableRequest> = {}) {
    const sets = [permissionSetLabelled(DOCGEN), permissionSetLabelled(EXPERIENCE)];
    const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
    return {
        ContactId: contact.Id,
        ProfileId: profileNamed(profileName).Id,
        Username: `${contact.Email}.ccsa`,
        Email: contact.Email as string,
        Alias: `${slug(contact.FirstName).charAt(0)}${slug(contact.LastName).slice(0, 4)}`,
        CommunityNickname: `${slug(contact.FirstName)}.${slug(contact.LastName)}.ccsa`,
        FirstName: contact.FirstName,
        LastName: contact.LastName,
        TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        UserPermissionsSFContentUser: true,
        permissionSetIds: sets.map((ps) => ps.Id),
        permissionSetLicenseIds: sets.map((ps) => ps.LicenseId as Id),
        ...overrides,
    } satisfies EnableRequest;
}

function runAs(as: string | null): void {
    window.history.pushState({}, '', as ? `/?latency=0&as=${as}` : '/?latency=0');
}

const DENIED = {
    status: 500,
    body: {
        message: formatLabel(ACCESS_DENIED, 'Contracts Community Setup Admin', 'Manage_Contracts_Community_Users'),
    },
};

beforeEach(() => {
    resetSampleOrg();
    resetSampleSettings();
    runAs(null);
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('the sample org holds the contacts the enable-users flow needs', () => {
    it('has contacts ready to enable, and contacts whose account owner has no role', () => {
        for (const name of [...READY, ...OWNER_WITHOUT_ROLE]) {
            const contact = contactNamed(name);
            expect(userOf(contact)).toBeUndefined();
            expect(contact.Email).toMatch(/^[^\s@,]+@[^\s@,]+\.[^\s@,.]+$/);
            const account = org.Account.find((a) => a.Id === contact.AccountId);
            const owner = org.User.find((u) => u.Id === account?.OwnerId);
            expect(owner?.IsActive).toBe(true);
            expect(!!owner?.UserRoleId).toBe(READY.includes(name));
        }
    });

    it('has seats for 6 more Contracts users on Plus Login, and one on Plus', () => {
        const seats = (license: { TotalLicenses: number; UsedLicenses: number } | undefined) =>
            (license?.TotalLicenses ?? 0) - (license?.UsedLicenses ?? 0);
        expect(seats(licenseOf(LOGIN_CONTRACTS))).toBe(6);
        expect(seats(licenseOf(PLUS_CONTRACTS))).toBe(1);
        expect(seats(pslOf(DOCGEN))).toBe(6);
        expect(seats(pslOf(EXPERIENCE))).toBe(6);
        expect(profileNamed(LOGIN_CONTRACTS).PermissionsApiEnabled).toBe(true);
    });
});

describe('searchContacts', () => {
    it('finds contacts by name, email or account name, case-insensitive, with their facts', async () => {
        const amara = contactNamed('Amara Fischer');
        const account = org.Account.find((a) => a.Id === amara.AccountId) as (typeof org.Account)[0];
        const byName = await searchContacts({ searchTerm: '  amara FISCHER ' });
        expect(byName).toEqual([
            {
                id: amara.Id,
                name: 'Amara Fischer',
                firstName: 'Amara',
                lastName: 'Fischer',
                email: amara.Email,
                accountId: account.Id,
                accountName: account.Name,
                accountOwnerHasRole: true,
            },
        ]);
        const byEmail = await searchContacts({ searchTerm: (amara.Email as string).toUpperCase() });
        expect(byEmail.map((c) => c.id)).toEqual([amara.Id]);
        const byAccount = await searchContacts({ searchTerm: account.Name.toLowerCase() });
        expect(new Set(byAccount.map((c) => c.id))).toEqual(
            new Set(org.Contact.filter((c) => c.AccountId === account.Id).map((c) => c.Id)),
        );
    });

    it('returns at most 200 contacts by name (without case) then id when the term is blank', async () => {
        const all = await searchContacts({ searchTerm: '   ' });
        expect(all).toHaveLength(200);
        const key = (c: { name?: string | null; id: string }) => `${(c.name ?? '').toUpperCase()}\u0000${c.id}`;
        const sorted = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
        expect(all.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
        expect(await searchContacts({})).toHaveLength(200);
    });

    it('continues a second page after the first (keyset: Name, Id) without gaps or repeats', async () => {
        const first = await searchContacts({});
        const last = first[first.length - 1];
        const second = await searchContacts({ afterName: last.name, afterId: last.id });
        expect(second).toHaveLength(org.Contact.length - 200);
        const paged = [...first, ...second].map((c) => c.id);
        expect(new Set(paged).size).toBe(org.Contact.length);
        expect(new Set(paged)).toEqual(new Set(org.Contact.map((c) => c.Id)));
        const lastOfAll = second[second.length - 1];
        expect(await searchContacts({ afterName: lastOfAll.name, afterId: lastOfAll.id })).toEqual([]);
        // A cursor with a name but no id (or the reverse) is no cursor: the first page.
        expect((await searchContacts({ afterName: last.name })).map((c) => c.id)).toEqual(first.map((c) => c.id));
    });

    it('breaks ties between equal names by id, across the cursor, as ORDER BY Name, Id does', async () => {
        await createAccountsAndContacts({
            customers: ['one', 'two', 'three', 'four'].map((n) => ({
                accountName: 'Twin Co',
                firstName: 'Tie',
                lastName: 'SAME',
                email: `tie.${n}@twin.example`,
            })),
        });
        // Another case is the same name to SOQL: ordered with the others by id.
        await createAccountsAndContacts({
            customers: [
                { accountName: 'Twin Co', firstName: 'tie', lastName: 'same', email: 'tie.lower@twin.example' },
            ],
        });
        const byId = org.Contact.filter((c) => c.LastName.toUpperCase() === 'SAME')
            .map((c) => c.Id)
            .sort();
        const all = await searchContacts({ searchTerm: 'tie same' });
        expect(all.map((c) => c.id)).toEqual(byId);
        const after = await searchContacts({ searchTerm: 'tie same', afterName: all[1].name, afterId: all[1].id });
        expect(after.map((c) => c.id)).toEqual(byId.slice(2));
    });

    it('reports an existing user with its license, an owner without a role, a contact without account', async () => {
        const enabled = org.User.find((u) => u.ContactId && u.ProfileId === profileNamed(PLUS_CONTRACTS).Id) as User;
        const contact = org.Contact.find((c) => c.Id === enabled.ContactId) as Contact;
        const [fact] = (await searchContacts({ searchTerm: contact.Email })).filter((c) => c.id === contact.Id);
        expect(fact).toMatchObject({ existingUserId: enabled.Id, existingUserLicenseName: 'Customer Community Plus' });

        const [garcia] = await searchContacts({ searchTerm: 'Aisha Garcia' });
        expect(garcia.accountOwnerHasRole).toBe(false);
        expect(garcia).not.toHaveProperty('existingUserId');

        const orphan = org.Contact.find((c) => c.AccountId === null) as Contact;
        const [orphanFact] = (await searchContacts({ searchTerm: orphan.Email })).filter((c) => c.id === orphan.Id);
        expect(orphanFact.accountOwnerHasRole).toBe(false);
        expect(orphanFact).not.toHaveProperty('accountId');
        expect(orphanFact).not.toHaveProperty('accountName');
    });

    it('matches % and _ in the term literally, as SoqlLike.contains escapes them', async () => {
        expect(await searchContacts({ searchTerm: 'amara_fisch%' })).toEqual([]);
        expect(await searchContacts({ searchTerm: '%' })).toEqual([]);
        await createAccountsAndContacts({
            customers: [
                { accountName: '100% Pure', firstName: 'Pat', lastName: "O'Brien", email: 'pat@pure.example' },
                { accountName: 'Under_Score Ltd', firstName: 'Uma', lastName: 'Low_Dash', email: 'uma@us.example' },
                { accountName: 'Plain Co', firstName: 'Lee', lastName: 'LowXDash', email: 'lee@plain.example' },
            ],
        });
        const names = async (searchTerm: string) =>
            (await searchContacts({ searchTerm })).map((c) => `${c.firstName} ${c.lastName}`);
        expect(await names('100%')).toEqual(["Pat O'Brien"]);
        expect(await names("Pat O'Brien")).toEqual(["Pat O'Brien"]);
        // `_` is not "any character": LowXDash does not match.
        expect(await names('Low_Dash')).toEqual(['Uma Low_Dash']);
        expect(await names('amara fisch')).toEqual(['Amara Fischer']);
    });

    it('refuses a user without the admin permission set', async () => {
        runAs('jprice');
        await expect(searchContacts({ searchTerm: 'a' })).rejects.toMatchObject(DENIED);
    });
});

describe('getEnablementFacts', () => {
    const patterns = { usernamePatterns: [], nicknamePatterns: [] };

    it('reads the contacts, profiles, permission sets and their licenses, the admin defaults', async () => {
        // The admin's allow-list adds two custom permission sets to the Contracts ones.
        org.Allowed_Permission_Set__mdt = [
            { Permission_Set_Name__c: 'Legacy_Portal_Data_Access', Active__c: true },
            { Permission_Set_Name__c: 'portal case access', Active__c: true },
            { Permission_Set_Name__c: 'Sales_Operations', Active__c: false },
        ];
        const contacts = READY.slice(0, 2).map(contactNamed);
        const facts = await getEnablementFacts({ contactIds: contacts.map((c) => c.Id), ...patterns });
        // No ORDER BY in the query: any order.
        expect(facts.contacts.map((c) => c.id).sort()).toEqual(contacts.map((c) => c.Id).sort());
        expect(facts.contacts.every((c) => c.accountOwnerHasRole)).toBe(true);
        expect(facts.profiles).toEqual([
            expect.objectContaining({ name: 'Customer Community Plus Login User', permissionsApiEnabled: false }),
            {
                id: profileNamed(LOGIN_CONTRACTS).Id,
                name: LOGIN_CONTRACTS,
                licenseName: 'Customer Community Plus Login',
                permissionsApiEnabled: true,
                licenseSeatsLeft: 6,
            },
            expect.objectContaining({ name: 'Customer Community Plus User', licenseSeatsLeft: 1 }),
            expect.objectContaining({ name: PLUS_CONTRACTS, permissionsApiEnabled: true, licenseSeatsLeft: 1 }),
        ]);
        // The policy's allow-list only, by label: never the assistant's own admin set, an inactive
        // entry, an unlisted custom set, a standard or a profile-owned one.
        expect(facts.permissionSets.map((ps) => ps.label)).toEqual([
            EXPERIENCE,
            DOCGEN,
            'Legacy Portal Data Access',
            'Portal Case Access',
        ]);
        const docGen = permissionSetLabelled(DOCGEN);
        expect(facts.permissionSets).toContainEqual({
            id: docGen.Id,
            name: 'DocGenRuntimeCommunityUser',
            label: DOCGEN,
            permissionSetLicenseId: docGen.LicenseId,
        });
        expect(facts.permissionSets.find((ps) => ps.label === 'Legacy Portal Data Access')).toMatchObject({
            userLicenseName: 'Customer Portal Manager Custom',
        });
        expect(facts.permissionSets.find((ps) => ps.label === 'Portal Case Access')).not.toHaveProperty(
            'permissionSetLicenseId',
        );
        expect(facts.permissionSetLicenses).toEqual([
            { id: pslOf(DOCGEN)?.Id, label: 'DocGen Runtime Community User', seatsLeft: 6 },
            { id: pslOf(EXPERIENCE)?.Id, label: 'Contract Management CC Plus Digital Experience', seatsLeft: 6 },
        ]);
        expect(facts.adminDefaults).toEqual({
            TimeZoneSidKey: 'America/Los_Angeles',
            LocaleSidKey: 'en_US',
            LanguageLocaleKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
        });
        expect(facts.adminHasRole).toBe(true);
        expect(facts.takenUsernames).toEqual([]);
        expect(facts.takenNicknames).toEqual([]);
    });

    it('reads the usernames and nicknames matching the LIKE patterns, whatever their case', async () => {
        const taken = org.User.find((u) => u.ContactId !== null) as User;
        const [local, domain] = taken.Username.split('@');
        const facts = await getEnablementFacts({
            contactIds: [],
            usernamePatterns: [`${local.toUpperCase()}%@${domain}`, 'nobody%@nowhere.example'],
            nicknamePatterns: [`${taken.CommunityNickname.slice(0, -1)}_`, `${taken.CommunityNickname.toUpperCase()}%`],
        });
        expect(facts.takenUsernames).toContain(taken.Username);
        expect(facts.takenUsernames.every((u) => u.toLowerCase().startsWith(local.toLowerCase()))).toBe(true);
        expect(facts.takenNicknames).toContain(taken.CommunityNickname);
        expect(new Set(facts.takenNicknames).size).toBe(facts.takenNicknames.length);
    });

    it('tells an admin without a role', async () => {
        runAs('rnoble');
        const facts = await getEnablementFacts({ contactIds: [], ...patterns });
        expect(facts.adminHasRole).toBe(false);
    });

    it('refuses more than 200 contacts, or none sent, with the batch size message', async () => {
        const ids = org.Contact.slice(0, 201).map((c) => c.Id);
        await expect(getEnablementFacts({ contactIds: ids, ...patterns })).rejects.toMatchObject({
            body: { message: BATCH_SIZE_MESSAGE, exceptionType: 'System.AuraHandledException' },
        });
        await expect(
            getEnablementFacts({ contactIds: null as unknown as string[], ...patterns }),
        ).rejects.toMatchObject({ body: { message: BATCH_SIZE_MESSAGE } });
        const facts = await getEnablementFacts({ contactIds: ids.slice(0, 200), ...patterns });
        expect(facts.contacts).toHaveLength(200);
    });

    it('refuses a user without the admin permission set', async () => {
        runAs('jprice');
        await expect(getEnablementFacts({ contactIds: [], ...patterns })).rejects.toMatchObject(DENIED);
    });
});

describe('createAccountsAndContacts', () => {
    it('shares one account per name (trimmed, any case), owned by the admin, and creates the contacts', async () => {
        const accounts = org.Account.length;
        const results = await createAccountsAndContacts({
            customers: [
                { accountName: 'Acme Legal', firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@acme.example' },
                { accountName: '  ACME legal ', lastName: 'Moss', email: null },
                { accountName: 'Bolt Works', firstName: 'Ben', lastName: 'Ode', email: 'ben@bolt.example' },
            ],
        });
        expect(org.Account).toHaveLength(accounts + 2);
        const acme = org.Account.find((a) => a.Id === results[0].accountId);
        expect(acme).toMatchObject({ Name: 'Acme Legal', OwnerId: org.defaultRunningUserId });
        expect(results[1].accountId).toBe(acme?.Id);
        expect(results[2].accountId).not.toBe(acme?.Id);
        expect(results.every((r) => r.contactId?.startsWith('003') && !('error' in r))).toBe(true);
        const moss = org.Contact.find((c) => c.Id === results[1].contactId);
        expect(moss).toMatchObject({ LastName: 'Moss', Email: null, AccountId: acme?.Id });
        // The new contacts are found, with their owner's role.
        const [fact] = await searchContacts({ searchTerm: 'ann.lee@acme' });
        expect(fact).toEqual({
            id: results[0].contactId,
            name: 'Ann Lee',
            firstName: 'Ann',
            lastName: 'Lee',
            email: 'ann.lee@acme.example',
            accountId: acme?.Id,
            accountName: 'Acme Legal',
            accountOwnerHasRole: true,
        });
        const [mossFact] = await searchContacts({ searchTerm: 'Moss' });
        expect(mossFact).not.toHaveProperty('firstName');
    });

    it('reports the platform refusals per row: blank last name, blank account name, invalid email', async () => {
        const results = await createAccountsAndContacts({
            customers: [
                { accountName: 'Crane Co', firstName: 'Cy', lastName: '  ', email: 'cy@crane.example' },
                { accountName: '   ', firstName: 'Di', lastName: 'Ray', email: 'di@ray.example' },
                { accountName: '', firstName: 'Ed', lastName: 'Fox', email: 'ed@fox.example' },
                { accountName: 'Crane Co', firstName: 'Flo', lastName: 'Gale', email: 'flo@crane' },
                { accountName: 'Crane Co', firstName: 'Gus', lastName: 'Hale', email: 'gus@crane.example' },
            ],
        });
        const crane = org.Account.find((a) => a.Name === 'Crane Co') as { Id: Id };
        expect(results).toEqual([
            {
                accountId: crane.Id,
                error: 'Required fields are missing: [LastName]',
                errorCode: 'REQUIRED_FIELD_MISSING',
            },
            { error: 'Required fields are missing: [Name]', errorCode: 'REQUIRED_FIELD_MISSING' },
            { error: 'Required fields are missing: [Name]', errorCode: 'REQUIRED_FIELD_MISSING' },
            {
                accountId: crane.Id,
                error: 'Email: invalid email address: flo@crane',
                errorCode: 'INVALID_EMAIL_ADDRESS',
            },
            { accountId: crane.Id, contactId: expect.stringMatching(/^003/) },
        ]);
        expect(org.Contact.filter((c) => c.AccountId === crane.Id)).toHaveLength(1);
    });

    it('fails the whole call on a null account name, as the Apex does on trim()', async () => {
        const contacts = org.Contact.length;
        await expect(
            createAccountsAndContacts({
                customers: [
                    { accountName: 'Fine Co', lastName: 'Ok' },
                    { accountName: null as unknown as string, lastName: 'Nope' },
                ],
            }),
        ).rejects.toMatchObject({ body: { message: 'Attempt to de-reference a null object' } });
        expect(org.Contact).toHaveLength(contacts);
    });

    it('returns nothing for no rows, refuses more than 200, and refuses non-admins', async () => {
        expect(await createAccountsAndContacts({ customers: [] })).toEqual([]);
        const many = Array.from({ length: 201 }, (_, i) => ({ accountName: `A${i}`, lastName: 'L' }));
        await expect(createAccountsAndContacts({ customers: many })).rejects.toMatchObject({
            body: { message: BATCH_SIZE_MESSAGE },
        });
        runAs('jprice');
        await expect(createAccountsAndContacts({ customers: [] })).rejects.toMatchObject(DENIED);
    });
});

describe('enableUsers', () => {
    it('assigns a permission set or license a request repeats once, as the Apex does (security review)', async () => {
        const [contact] = READY.slice(0, 1).map(contactNamed);
        const request = requestFor(contact);
        const repeated = {
            ...request,
            permissionSetIds: [...request.permissionSetIds, ...request.permissionSetIds, ...request.permissionSetIds],
            permissionSetLicenseIds: [...request.permissionSetLicenseIds, ...request.permissionSetLicenseIds],
        };
        const [result] = await enableUsers({ requests: [repeated] });
        expect(result).toMatchObject({
            status: 'Created',
            problems: [],
            assignedPermissionSetIds: request.permissionSetIds,
        });
        expect(labelsOf(userOf(contact)?.Id as Id)).toEqual([EXPERIENCE, DOCGEN].sort());
    });

    it('creates the users with their permission set licenses and permission sets, and logs each row', async () => {
        const contacts = READY.slice(0, 3).map(contactNamed);
        const profile = profileNamed(LOGIN_CONTRACTS);
        const seats = licenseOf(LOGIN_CONTRACTS).UsedLicenses;
        const pslSeats = [pslOf(DOCGEN)?.UsedLicenses, pslOf(EXPERIENCE)?.UsedLicenses];
        const requests = contacts.map((c) => requestFor(c));

        const results = await enableUsers({ requests });

        const setIds = requests[0].permissionSetIds;
        expect(results).toEqual(
            contacts.map((c) => ({
                contactId: c.Id,
                userId: userOf(c)?.Id,
                status: 'Created',
                assignedPermissionSetIds: setIds,
                problems: [],
                refusalCodes: [],
            })),
        );
        const user = userOf(contacts[0]) as User;
        const account = org.Account.find((a) => a.Id === contacts[0].AccountId) as (typeof org.Account)[0];
        const owner = org.User.find((u) => u.Id === account.OwnerId) as User;
        expect(user).toMatchObject({
            Id: expect.stringMatching(/^005/),
            Username: requests[0].Username,
            Name: 'Amara Fischer',
            ProfileId: profile.Id,
            UserType: 'PowerCustomerSuccess',
            IsActive: true,
            UserPermissionsSFContentUser: true,
            AccountId: account.Id,
            CommunityNickname: requests[0].CommunityNickname,
            TimeZoneSidKey: 'America/Los_Angeles',
        });
        // A portal role under the account owner's role.
        expect(org.UserRole.find((r) => r.Id === user.UserRoleId)).toMatchObject({
            PortalType: 'CustomerPortal',
            PortalAccountId: account.Id,
            ParentRoleId: owner.UserRoleId,
        });
        expect(account.IsCustomerPortal).toBe(true);
        expect(labelsOf(user.Id)).toEqual([EXPERIENCE, DOCGEN].sort());
        expect(licenseOf(LOGIN_CONTRACTS).UsedLicenses).toBe(seats + 3);
        expect([pslOf(DOCGEN)?.UsedLicenses, pslOf(EXPERIENCE)?.UsedLicenses]).toEqual(
            pslSeats.map((n) => (n as number) + 3),
        );

        expect(org.Setup_Assistant_Log__c).toHaveLength(3);
        const log = org.Setup_Assistant_Log__c[0];
        expect(log).toMatchObject({
            Name: 'LOG-0000001',
            Action__c: 'ENABLE_USER',
            Status__c: 'Created',
            Target_User__c: user.Id,
            Restored__c: JSON.stringify(setIds),
            Error__c: null,
            CreatedById: org.defaultRunningUserId,
        });
        expect(JSON.parse(log.Before__c as string)).toEqual({ contactId: contacts[0].Id });
        // Ids and names: no email, no username.
        expect(JSON.parse(log.After__c as string)).toEqual({
            contactId: contacts[0].Id,
            userId: user.Id,
            name: 'Amara Fischer',
            profileId: profile.Id,
            permissionSetIds: setIds,
            permissionSetLicenseIds: requests[0].permissionSetLicenseIds,
        });
        expect(log.After__c).not.toContain('@');
        // The facts read again show the users.
        const facts = await getEnablementFacts({
            contactIds: [contacts[0].Id],
            usernamePatterns: [requests[0].Username],
            nicknamePatterns: [],
        });
        expect(facts.contacts[0]).toMatchObject({
            existingUserId: user.Id,
            existingUserLicenseName: 'Customer Community Plus Login',
        });
        expect(facts.takenUsernames).toEqual([requests[0].Username]);
        expect(facts.profiles.find((p) => p.id === profile.Id)?.licenseSeatsLeft).toBe(3);
    });

    it('is idempotent: a second run finds the users and assigns nothing twice', async () => {
        const requests = READY.slice(0, 2).map((name) => requestFor(contactNamed(name)));
        const first = await enableUsers({ requests });
        const counts = () => [
            org.User.length,
            org.PermissionSetAssignment.length,
            org.PermissionSetLicenseAssign.length,
            licenseOf(LOGIN_CONTRACTS).UsedLicenses,
        ];
        const before = counts();
        const again = await enableUsers({ requests });
        expect(again).toEqual(first.map((r) => ({ ...r, status: 'Existing' })));
        expect(counts()).toEqual(before);
        // Every call logs its rows.
        expect(org.Setup_Assistant_Log__c.map((l) => l.Status__c)).toEqual([
            'Created',
            'Created',
            'Existing',
            'Existing',
        ]);
    });

    it('gives an existing user only the assignments it lacks', async () => {
        const docGen = permissionSetLabelled(DOCGEN);
        const experience = permissionSetLabelled(EXPERIENCE);
        const user = org.User.find(
            (u) => u.ContactId && labelsOf(u.Id).includes(DOCGEN) && !labelsOf(u.Id).includes(EXPERIENCE),
        ) as User;
        const contact = org.Contact.find((c) => c.Id === user.ContactId) as Contact;
        const assignments = org.PermissionSetAssignment.length;
        const [result] = await enableUsers({ requests: [requestFor(contact, PLUS_CONTRACTS)] });
        expect(result).toEqual({
            contactId: contact.Id,
            userId: user.Id,
            status: 'Existing',
            assignedPermissionSetIds: [docGen.Id, experience.Id],
            problems: [],
            refusalCodes: [],
        });
        expect(org.PermissionSetAssignment).toHaveLength(assignments + 1);
        expect(labelsOf(user.Id)).toContain(EXPERIENCE);
    });

    it('maps each refusal of the platform to the code of the rules, with partial success', async () => {
        const [amara, anya, bruno, carla] = ['Amara Fischer', 'Anya Weber', 'Bruno Quist', 'Carla Weber'].map(
            contactNamed,
        );
        const garcia = contactNamed('Aisha Garcia');
        const takenUser = org.User.find((u) => u.ContactId !== null) as User;
        const requests = [
            requestFor(amara, LOGIN_CONTRACTS, { Username: takenUser.Username.toUpperCase() }),
            requestFor(anya, LOGIN_CONTRACTS, { CommunityNickname: takenUser.CommunityNickname }),
            requestFor(bruno, LOGIN_CONTRACTS, { Email: 'bruno@@quist.example' }),
            requestFor(garcia),
            requestFor(carla),
            // The same username again in the batch, and the same contact again.
            requestFor(contactNamed('Amara Horvat'), LOGIN_CONTRACTS, { Username: requestFor(carla).Username }),
            requestFor(carla, LOGIN_CONTRACTS, { Username: 'carla.again@x.example', CommunityNickname: 'carla2' }),
        ];
        const users = org.User.length;

        const results = await enableUsers({ requests });

        expect(results.map((r) => [r.status, r.problems.map((p) => [p.code, p.field ?? null])])).toEqual([
            ['Failed', [['USERNAME_TAKEN', 'Username']]],
            ['Failed', [['NICKNAME_TAKEN', 'CommunityNickname']]],
            ['Failed', [['EMAIL_INVALID', 'Email']]],
            ['Failed', [['ACCOUNT_OWNER_WITHOUT_ROLE', null]]],
            ['Created', []],
            ['Failed', [['USERNAME_TAKEN', 'Username']]],
            ['Failed', [['USER_EXISTS', 'ContactId']]],
        ]);
        expect(results[3].problems[0].message).toBe('portal account owner must have a role');
        expect(results[2].problems[0].message).toBe('Email: invalid email address: bruno@@quist.example');
        expect(results[0]).not.toHaveProperty('userId');
        expect(results[0].assignedPermissionSetIds).toEqual([]);
        expect(org.User).toHaveLength(users + 1);
        expect(org.Setup_Assistant_Log__c.map((l) => l.Status__c)).toEqual([
            'Failed',
            'Failed',
            'Failed',
            'Failed',
            'Created',
            'Failed',
            'Failed',
        ]);
        expect(org.Setup_Assistant_Log__c[3]).toMatchObject({
            Target_User__c: null,
            Restored__c: '[]',
            Error__c: 'ACCOUNT_OWNER_WITHOUT_ROLE: portal account owner must have a role',
        });
        // The history stores no email, not even in the platform's message.
        expect(org.Setup_Assistant_Log__c[2].Error__c).toBe('EMAIL_INVALID: Email: invalid email address: [email]');
    });

    it('fails users once the license has no seat left', async () => {
        const [first, second] = READY.slice(0, 2).map(contactNamed);
        const results = await enableUsers({
            requests: [requestFor(first, PLUS_CONTRACTS), requestFor(second, PLUS_CONTRACTS)],
        });
        expect(results.map((r) => r.status)).toEqual(['Created', 'Failed']);
        expect(results[1].problems).toEqual([{ code: 'NOT_ENOUGH_LICENSE_SEATS', message: 'License Limit Exceeded' }]);
        expect(licenseOf(PLUS_CONTRACTS).UsedLicenses).toBe(licenseOf(PLUS_CONTRACTS).TotalLicenses);
    });

    it('leaves a user Incomplete without a permission set license seat, and completes it on retry', async () => {
        const psl = pslOf(EXPERIENCE) as (typeof org.PermissionSetLicense)[0];
        psl.TotalLicenses = psl.UsedLicenses;
        const contact = contactNamed('Bruno Quist');
        const request = requestFor(contact);
        const [result] = await enableUsers({ requests: [request] });
        const user = userOf(contact) as User;
        expect(result).toMatchObject({
            userId: user.Id,
            status: 'Incomplete',
            assignedPermissionSetIds: [permissionSetLabelled(DOCGEN).Id],
        });
        expect(result.problems.map((p) => p.code)).toEqual([
            'NOT_ENOUGH_LICENSE_SEATS',
            'PERMISSION_SET_LICENSE_MISMATCH',
        ]);
        expect(result.problems[1].message).toContain(EXPERIENCE);
        expect(org.Setup_Assistant_Log__c[0]).toMatchObject({ Status__c: 'Incomplete', Target_User__c: user.Id });

        psl.TotalLicenses += 1;
        const [retry] = await enableUsers({ requests: [request] });
        expect(retry).toEqual({
            contactId: contact.Id,
            userId: user.Id,
            status: 'Existing',
            assignedPermissionSetIds: request.permissionSetIds,
            problems: [],
            refusalCodes: [],
        });
        expect(labelsOf(user.Id)).toEqual([EXPERIENCE, DOCGEN].sort());
    });

    it('refuses a permission set whose license the row does not assign, or tied to another user license', async () => {
        org.Allowed_Permission_Set__mdt = [{ Permission_Set_Name__c: 'Legacy_Portal_Data_Access', Active__c: true }];
        const contact = contactNamed('Carla Weber');
        const legacy = permissionSetLabelled('Legacy Portal Data Access');
        const [result] = await enableUsers({
            requests: [
                requestFor(contact, LOGIN_CONTRACTS, {
                    permissionSetLicenseIds: [],
                    permissionSetIds: [permissionSetLabelled(DOCGEN).Id, legacy.Id],
                }),
            ],
        });
        expect(result.status).toBe('Incomplete');
        expect(result.assignedPermissionSetIds).toEqual([]);
        expect(result.problems.map((p) => p.code)).toEqual([
            'PERMISSION_SET_LICENSE_MISMATCH',
            'PERMISSION_SET_LICENSE_MISMATCH',
        ]);
    });

    it('reports missing required fields and returns nothing for no rows', async () => {
        const [result] = await enableUsers({
            requests: [requestFor(contactNamed('Carla Weber'), LOGIN_CONTRACTS, { LastName: '', Alias: '' })],
        });
        expect(result.problems).toEqual([
            {
                code: 'PLATFORM_ERROR',
                message: 'Required fields are missing: [LastName, Alias]',
                field: 'LastName',
            },
        ]);
        expect(await enableUsers({ requests: [] })).toEqual([]);
    });

    it('refuses more than 200 rows and non-admins', async () => {
        const request = requestFor(contactNamed('Carla Weber'));
        await expect(enableUsers({ requests: Array.from({ length: 201 }, () => request) })).rejects.toMatchObject({
            body: { message: BATCH_SIZE_MESSAGE },
        });
        runAs('jprice');
        await expect(enableUsers({ requests: [request] })).rejects.toMatchObject(DENIED);
        expect(userOf(contactNamed('Carla Weber'))).toBeUndefined();
    });
});

describe('enableUsers refuses hostile requests with the policy (issue 8), and writes nothing for them', () => {
    /** What a refused request must not create. */
    const written = () => [
        org.User.length,
        org.PermissionSetAssignment.length,
        org.PermissionSetLicenseAssign.length,
        org.Account.length,
        org.Contact.length,
    ];
    const carla = () => contactNamed('Carla Weber');
    const withSet = (permissionSetId: Id) =>
        requestFor(carla(), LOGIN_CONTRACTS, {
            permissionSetIds: [permissionSetLabelled(DOCGEN).Id, permissionSetId],
        });
    const privileged = (): PermissionSet => {
        // Allow-listed on purpose: a privileged permission set is refused whatever the allow-list says.
        const permissionSet: PermissionSet = {
            ...permissionSetLabelled('Portal Case Access'),
            Id: '0PS8d000000HOSTILE',
            Name: 'Hostile_Modify_All',
            Label: 'Hostile Modify All',
            PermissionsModifyAllData: true,
        };
        org.PermissionSet.push(permissionSet);
        org.Allowed_Permission_Set__mdt = [{ Permission_Set_Name__c: permissionSet.Name, Active__c: true }];
        return permissionSet;
    };
    const groupAggregate = (): PermissionSet => {
        const permissionSet: PermissionSet = {
            ...permissionSetLabelled('Portal Case Access'),
            Id: '0PS8d000000GROUPAG',
            Name: 'Hostile_Group_Aggregate',
            Label: 'Hostile Group Aggregate',
            PermissionSetGroupId: '0PG8d000000HOSTILE',
        };
        org.PermissionSet.push(permissionSet);
        org.Allowed_Permission_Set__mdt = [{ Permission_Set_Name__c: permissionSet.Name, Active__c: true }];
        return permissionSet;
    };
    const adminProfile = () =>
        org.Profile.find((p) => p.PermissionsModifyAllData && p.UserType === 'Standard') as Profile;
    const internalUser = () => org.User.find((u) => u.UserType === 'Standard' && u.IsActive) as User;

    const cases: Array<[string, string, () => EnableRequest]> = [
        ['a permission set granting Modify All Data', 'PERMISSION_SET_PRIVILEGED', () => withSet(privileged().Id)],
        [
            'a custom permission set not on the allow-list',
            'PERMISSION_SET_NOT_ALLOWED',
            () => withSet(permissionSetLabelled('Sales Operations').Id),
        ],
        [
            "the assistant's own admin permission set",
            'PERMISSION_SET_NOT_ALLOWED',
            () => withSet(permissionSetLabelled('Contracts Community Setup Admin').Id),
        ],
        ['a permission set group', 'PERMISSION_SET_GROUP_NOT_ALLOWED', () => withSet('0PG8d000000HOSTILE')],
        [
            "a permission set group's aggregate permission set",
            'PERMISSION_SET_GROUP_NOT_ALLOWED',
            () => withSet(groupAggregate().Id),
        ],
        [
            "a profile's own permission set",
            'PERMISSION_SET_NOT_ALLOWED',
            () =>
                withSet(
                    (
                        org.PermissionSet.find(
                            (ps) => ps.IsOwnedByProfile && ps.ProfileId === adminProfile().Id,
                        ) as PermissionSet
                    ).Id,
                ),
        ],
        ['a permission set that does not exist', 'PERMISSION_SET_NOT_FOUND', () => withSet('0PS8d00000000NONE')],
        [
            'the Standard User profile',
            'PROFILE_INTERNAL',
            () => requestFor(carla(), LOGIN_CONTRACTS, { ProfileId: profileNamed('Standard User').Id }),
        ],
        [
            'the System Administrator profile',
            'PROFILE_INTERNAL',
            () => requestFor(carla(), LOGIN_CONTRACTS, { ProfileId: adminProfile().Id }),
        ],
        [
            'a Customer Community profile (not Plus)',
            'PROFILE_NOT_ENABLE_LICENSE',
            () => requestFor(carla(), 'Customer Community User'),
        ],
        [
            'no profile',
            'PROFILE_NOT_FOUND',
            () => requestFor(carla(), LOGIN_CONTRACTS, { ProfileId: null as unknown as string }),
        ],
        [
            'a permission set license no allowed permission set needs',
            'PERMISSION_SET_LICENSE_NOT_ALLOWED',
            () =>
                requestFor(carla(), LOGIN_CONTRACTS, {
                    permissionSetLicenseIds: [pslOf('CLM Runtime User')?.Id as Id],
                }),
        ],
        [
            'an account id sent as the contact',
            'CONTACT_NOT_FOUND',
            () => ({ ...requestFor(carla()), ContactId: carla().AccountId as Id }),
        ],
        [
            "an internal user's id sent as the contact",
            'CONTACT_NOT_FOUND',
            () => ({ ...requestFor(carla()), ContactId: internalUser().Id }),
        ],
        [
            'a contact that does not exist',
            'CONTACT_NOT_FOUND',
            () => ({ ...requestFor(carla()), ContactId: '0038d00000000NONE' }),
        ],
        [
            'a contact whose user is internal',
            'USER_NOT_EXTERNAL',
            () => {
                // The platform never links an internal user to a contact; the sample org can, so the
                // policy, not the data, is what refuses it.
                internalUser().ContactId = carla().Id;
                return requestFor(carla());
            },
        ],
    ];

    it.each(cases)('refuses %s with %s', async (_attack, code, build) => {
        const request = build();
        const internalAssignments = org.PermissionSetAssignment.filter(
            (a) => a.AssigneeId === internalUser().Id,
        ).length;
        const before = written();

        const [result] = await enableUsers({ requests: [request] });

        expect(result.status).toBe('Refused');
        expect(result.refusalCodes).toContain(code);
        expect(result).not.toHaveProperty('userId');
        expect(result.assignedPermissionSetIds).toEqual([]);
        const refusal = result.problems.find((p) => p.code === code);
        expect(refusal?.message).toEqual(expect.stringMatching(/\S/));
        expect(refusal?.message).not.toContain('{0}');
        expect(written()).toEqual(before);
        expect(org.PermissionSetAssignment.filter((a) => a.AssigneeId === internalUser().Id)).toHaveLength(
            internalAssignments,
        );
        // The refusal is in the history, with its code and without an email.
        const log = org.Setup_Assistant_Log__c[org.Setup_Assistant_Log__c.length - 1];
        expect(log).toMatchObject({ Action__c: 'ENABLE_USER', Status__c: 'Refused', Target_User__c: null });
        expect(log.Error__c).toContain(`${code}: `);
        expect(log.After__c).not.toContain('@');
    });

    it('refuses only the hostile rows and enables the others', async () => {
        const good = requestFor(contactNamed('Bruno Quist'));
        const hostile = withSet(permissionSetLabelled('Sales Operations').Id);
        const results = await enableUsers({ requests: [good, hostile] });
        expect(results.map((r) => r.status)).toEqual(['Created', 'Refused']);
        expect(userOf(contactNamed('Bruno Quist'))).toBeDefined();
        expect(userOf(carla())).toBeUndefined();
        expect(results[0].refusalCodes).toEqual([]);
    });

    it('names every refusal of a row, once per code', async () => {
        const [result] = await enableUsers({
            requests: [
                requestFor(carla(), LOGIN_CONTRACTS, {
                    ProfileId: profileNamed('Standard User').Id,
                    permissionSetIds: [
                        permissionSetLabelled('Sales Operations').Id,
                        permissionSetLabelled('Portal Case Access').Id,
                    ],
                }),
            ],
        });
        expect(result.refusalCodes).toEqual(['PROFILE_INTERNAL', 'PERMISSION_SET_NOT_ALLOWED']);
        expect(result.problems.map((p) => p.code)).toEqual([
            'PROFILE_INTERNAL',
            'PERMISSION_SET_NOT_ALLOWED',
            'PERMISSION_SET_NOT_ALLOWED',
        ]);
    });
});

describe('createAccountsAndContacts logs what it creates', () => {
    it('logs each account and contact created, with ids and names, never the email', async () => {
        const results = await createAccountsAndContacts({
            customers: [
                { accountName: 'Inline Logged', firstName: 'Pat', lastName: 'One', email: 'pat.one@example.com' },
                { accountName: 'Inline Logged', firstName: 'Pat', lastName: 'Two', email: 'pat.two@example.com' },
            ],
        });
        const logs = org.Setup_Assistant_Log__c;
        expect(logs.map((l) => [l.Action__c, l.Status__c])).toEqual([
            ['CREATE_ACCOUNT', 'Created'],
            ['CREATE_CONTACT', 'Created'],
            ['CREATE_CONTACT', 'Created'],
        ]);
        expect(JSON.parse(logs[0].After__c as string)).toEqual({
            accountId: results[0].accountId,
            name: 'Inline Logged',
        });
        expect(JSON.parse(logs[1].After__c as string)).toEqual({
            contactId: results[0].contactId,
            accountId: results[0].accountId,
            name: 'Pat One',
        });
        expect(logs.every((l) => !String(l.After__c).includes('@'))).toBe(true);
    });
});

describe('codeFor', () => {
    it.each([
        ['DUPLICATE_USERNAME', 'Duplicate Username.', 'USERNAME_TAKEN'],
        ['DUPLICATE_COMM_NICKNAME', 'x', 'NICKNAME_TAKEN'],
        ['LICENSE_LIMIT_EXCEEDED', 'License Limit Exceeded', 'NOT_ENOUGH_LICENSE_SEATS'],
        ['PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT', 'x', 'USER_EXISTS'],
        ['INVALID_EMAIL_ADDRESS', 'x', 'EMAIL_INVALID'],
        ['FIELD_INTEGRITY_EXCEPTION', 'x', 'FIELD_INTEGRITY'],
        ['UNKNOWN_EXCEPTION', 'Portal Account Owner must have a Role', 'ACCOUNT_OWNER_WITHOUT_ROLE'],
        ['FIELD_INTEGRITY_EXCEPTION', 'The permission set needs a License', 'PERMISSION_SET_LICENSE_MISMATCH'],
        ['STRING_TOO_LONG', 'x', 'PLATFORM_ERROR'],
        [null, null, 'PLATFORM_ERROR'],
    ])('maps %s / %s to %s', (status, message, code) => {
        expect(codeFor(status, message)).toBe(code);
    });
});

describe('typed customers that match existing records (issue 9 §1.7)', () => {
    it('finds existing contacts by email and accounts by name, without case, before any write', async () => {
        const amara = contactNamed('Amara Fischer');
        const account = org.Account.find((a) => a.Id === amara.AccountId) as { Id: Id; Name: string };
        const contacts = org.Contact.length;
        const matches = await findExistingCustomers({
            customers: [
                { accountName: 'Brand New Co', lastName: 'X', email: ` ${(amara.Email as string).toUpperCase()} ` },
                { accountName: account.Name.toLowerCase(), lastName: 'Y', email: 'y@nowhere.example' },
            ],
        });
        expect(matches.contacts.map((c) => c.id)).toEqual([amara.Id]);
        expect(matches.contacts[0]).toMatchObject({ name: 'Amara Fischer', accountName: account.Name });
        expect(matches.accounts.map((a) => a.id)).toContain(account.Id);
        expect(org.Contact).toHaveLength(contacts);
    });

    it('finds nothing for new customers, and refuses non-admins', async () => {
        expect(
            await findExistingCustomers({
                customers: [{ accountName: 'Zeta Unique', lastName: 'Q', email: 'q@zeta.example' }],
            }),
        ).toEqual({ contacts: [], accounts: [] });
        runAs('jprice');
        await expect(findExistingCustomers({ customers: [] })).rejects.toMatchObject(DENIED);
    });

    it('is blocked by the duplicate rules unless the admin chose create new, and names the existing record', async () => {
        const amara = contactNamed('Amara Fischer');
        const [blocked] = await createAccountsAndContacts({
            customers: [{ accountName: 'Fresh Co', firstName: 'Am', lastName: 'Dup', email: amara.Email }],
        });
        expect(blocked).toMatchObject({
            errorCode: 'DUPLICATES_DETECTED',
            duplicateRecordId: amara.Id,
            error: formatLabel(DUPLICATE_FOUND, 'Contact', 'Amara Fischer', amara.Id),
        });
        expect(blocked.contactId).toBeUndefined();
        const [allowed] = await createAccountsAndContacts({
            customers: [
                {
                    accountName: 'Fresh Co',
                    firstName: 'Am',
                    lastName: 'Dup',
                    email: amara.Email,
                    allowDuplicates: true,
                },
            ],
        });
        expect(allowed.contactId).toMatch(/^003/);
    });

    it('creates the contact under the existing account when the admin chose it, with no new account', async () => {
        const amara = contactNamed('Amara Fischer');
        const accounts = org.Account.length;
        const [result] = await createAccountsAndContacts({
            customers: [
                {
                    accountName: 'ignored',
                    firstName: 'New',
                    lastName: 'Colleague',
                    email: 'nc@new.example',
                    accountId: amara.AccountId,
                },
            ],
        });
        expect(result).toMatchObject({ accountId: amara.AccountId, contactId: expect.stringMatching(/^003/) });
        expect(org.Account).toHaveLength(accounts);
    });

    it('blocks a new account whose name an account has, unless allowed', async () => {
        const existing = org.Account[0];
        const [blocked] = await createAccountsAndContacts({
            customers: [{ accountName: existing.Name, lastName: 'A', email: 'a@acc.example' }],
        });
        expect(blocked).toMatchObject({ errorCode: 'DUPLICATES_DETECTED', duplicateRecordId: existing.Id });
        const [allowed] = await createAccountsAndContacts({
            customers: [{ accountName: existing.Name, lastName: 'A', email: 'a@acc.example', allowDuplicates: true }],
        });
        expect(allowed.accountId).not.toBe(existing.Id);
        expect(allowed.contactId).toMatch(/^003/);
    });

    it('matches an account name as the panel does: without case, surrounding spaces or a trailing period', async () => {
        const existing = org.Account[1];
        const typed = `  ${existing.Name.toUpperCase().replace(/\.$/, '')}. `;
        const [blocked] = await createAccountsAndContacts({
            customers: [{ accountName: typed, lastName: 'B', email: 'b@acc.example' }],
        });
        expect(blocked).toMatchObject({ errorCode: 'DUPLICATES_DETECTED', duplicateRecordId: existing.Id });
    });
});

describe('getEnablementFacts: name patterns (issue 9 §1.10)', () => {
    it('matches escaped patterns literally and OR-s the list', async () => {
        const user = org.User.find((u) => u.Username.includes('@')) as User;
        const at = user.Username.indexOf('@');
        const facts = await getEnablementFacts({
            contactIds: [],
            usernamePatterns: [`${user.Username.slice(0, at)}%`, 'nobody\\_here%', ''],
            nicknamePatterns: ['no\\%match%'],
        });
        expect(facts.takenUsernames).toContain(user.Username);
        expect(facts.takenNicknames).toEqual([]);
    });

    it('refuses more than 400 patterns with the batch size message', async () => {
        const patterns = Array.from({ length: 401 }, (_, i) => `p${i}%`);
        await expect(
            getEnablementFacts({ contactIds: [], usernamePatterns: patterns, nicknamePatterns: [] }),
        ).rejects.toMatchObject({ body: { message: BATCH_SIZE_MESSAGE } });
    });

    it('refuses a pattern that does not start with a name, as the Apex does (security review)', async () => {
        for (const hostile of [['%'], ['ann%@acme.com%', '_%'], ['a'.repeat(256)]]) {
            for (const asUsernames of [true, false]) {
                await expect(
                    getEnablementFacts({
                        contactIds: [],
                        usernamePatterns: asUsernames ? hostile : [],
                        nicknamePatterns: asUsernames ? [] : hostile,
                    }),
                ).rejects.toMatchObject({ body: { message: expect.stringContaining('must start with the name') } });
            }
        }
    });

    it('the browser never sends such a pattern: namePatterns escapes a name that starts with "%" or "_"', () => {
        const { usernames, nicknames } = namePatterns([
            { id: 'c1', firstName: '_x', lastName: '%y', email: '%_odd@acme.com' } as unknown as ContactFact,
            // A long domain leaves room for one character of the local part, a dot cut away: no name.
            { id: 'c2', lastName: 'Dot', email: `.ann@${'d'.repeat(40)}.example.com` } as unknown as ContactFact,
        ]);
        expect(usernames).toHaveLength(1);
        for (const pattern of [...usernames, ...nicknames]) {
            expect(pattern.startsWith('%') || pattern.startsWith('_')).toBe(false);
        }
    });

    it('hands the role-based insert chunk size to the browser', async () => {
        const facts = await getEnablementFacts({ contactIds: [], usernamePatterns: [], nicknamePatterns: [] });
        expect(facts.roleBasedInsertChunkSize).toBe(50);
        setSampleSettings({ roleBasedInsertChunkSize: 20 });
        expect(
            (await getEnablementFacts({ contactIds: [], usernamePatterns: [], nicknamePatterns: [] }))
                .roleBasedInsertChunkSize,
        ).toBe(20);
    });
});

describe('enableUsers: role-based chunks and Content (issue 9 §1.3, §1.11)', () => {
    it('refuses a call larger than the role-based chunk size, before any write', async () => {
        setSampleSettings({ roleBasedInsertChunkSize: 2 });
        const users = org.User.length;
        const requests = READY.slice(0, 3).map((name) => requestFor(contactNamed(name)));
        await expect(enableUsers({ requests })).rejects.toMatchObject({
            body: { message: `ROLE_BASED_BATCH_TOO_LARGE: ${formatLabel(ROLE_BASED_BATCH_TOO_LARGE, 3, 2)}` },
        });
        expect(org.User).toHaveLength(users);
        const [ok] = await enableUsers({ requests: requests.slice(0, 2) });
        expect(ok.status).toBe('Created');
    });

    it('creates the user without Content when no feature license is left: Incomplete, with its own code', async () => {
        setSampleSettings({ contentLicensesLeft: 1 });
        const [first, second] = await enableUsers({
            requests: READY.slice(0, 2).map((name) => requestFor(contactNamed(name))),
        });
        expect(first.status).toBe('Created');
        expect(userById(first.userId).UserPermissionsSFContentUser).toBe(true);
        expect(second.status).toBe('Incomplete');
        expect(second.userId).toMatch(/^005/);
        expect(second.problems).toEqual([
            {
                code: 'CONTENT_LICENSE_UNAVAILABLE',
                message: 'License Limit Exceeded',
                field: 'UserPermissionsSFContentUser',
            },
        ]);
        expect(userById(second.userId).UserPermissionsSFContentUser).toBe(false);
        // A license freed, the retry sets it on the existing user, once.
        setSampleSettings({ contentLicensesLeft: 1 });
        const [retried] = await enableUsers({ requests: [requestFor(contactNamed(READY[1]))] });
        expect(retried).toMatchObject({ status: 'Existing', problems: [] });
        expect(userById(second.userId).UserPermissionsSFContentUser).toBe(true);
    });

    it('respects a request with Content off', async () => {
        const [result] = await enableUsers({
            requests: [requestFor(contactNamed(READY[0]), LOGIN_CONTRACTS, { UserPermissionsSFContentUser: false })],
        });
        expect(result.status).toBe('Created');
        expect(userById(result.userId).UserPermissionsSFContentUser).toBe(false);
    });
});

function userById(id: Id | null | undefined): User {
    return org.User.find((u) => u.Id === id) as User;
}
