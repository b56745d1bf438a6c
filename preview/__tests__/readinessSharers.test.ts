/**
 * Sample org parity of issue 11 §2: CLM Runtime User for chosen internal users through the sample
 * policy (`checkInternalSharerAssignment`), license first, logged; and "Send login email" for
 * external users only (`checkExternalUsers`), logged without an email address.
 */
import {
    assignSharerPermissionSet,
    PERMISSION_SETS_URL,
    searchInternalUsers,
} from '../sample-org/apex/ReadinessController';
import { sendLoginEmail, sendLoginEmails, sentLoginEmails } from '../sample-org/apex/UserDoctorController';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';

const logsOf = (action: string) => org.Setup_Assistant_Log__c.filter((log) => log.Action__c === action);
const clmRuntime = () => org.PermissionSet.find((ps) => ps.Name === 'CLMRuntimeUser')!;
const internalUser = () =>
    org.User.find(
        (u) =>
            u.IsActive &&
            u.UserType === 'Standard' &&
            !u.ContactId &&
            !org.PermissionSetAssignment.some((a) => a.AssigneeId === u.Id && a.PermissionSetId === clmRuntime().Id),
    )!;
const externalUser = () => org.User.find((u) => u.IsActive && !!u.ContactId)!;

beforeEach(() => {
    resetSampleOrg();
    sentLoginEmails.length = 0;
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('sample org: contract sharers', () => {
    it('offers internal users only', async () => {
        const rows = await searchInternalUsers({ searchTerm: '' });
        expect(rows.length).toBeGreaterThan(0);
        const ids = new Set(rows.map((row) => row.id));
        expect(org.User.filter((u) => u.ContactId).some((u) => ids.has(u.Id))).toBe(false);
    });

    it('assigns CLM Runtime User with its license first, and logs each user', async () => {
        const user = internalUser();
        const permissionSet = clmRuntime();
        const result = await assignSharerPermissionSet({ userIds: [user.Id], permissionSetId: permissionSet.Id });
        expect(result.ok).toBe(true);
        expect(result.setupUrl).toBe(PERMISSION_SETS_URL);
        expect(
            org.PermissionSetLicenseAssign.some(
                (a) => a.AssigneeId === user.Id && a.PermissionSetLicenseId === permissionSet.LicenseId,
            ),
        ).toBe(true);
        expect(
            org.PermissionSetAssignment.some((a) => a.AssigneeId === user.Id && a.PermissionSetId === permissionSet.Id),
        ).toBe(true);
        expect(logsOf('ASSIGN_SHARER_PERMISSION_SET').map((log) => log.Status__c)).toEqual(['Completed']);
    });

    it('refuses an external user with USER_NOT_INTERNAL and writes nothing', async () => {
        const before = org.PermissionSetAssignment.length;
        const result = await assignSharerPermissionSet({
            userIds: [externalUser().Id],
            permissionSetId: clmRuntime().Id,
        });
        expect(result.ok).toBe(false);
        expect(result.message).toMatch(/^USER_NOT_INTERNAL: /);
        expect(org.PermissionSetAssignment).toHaveLength(before);
        expect(logsOf('ASSIGN_SHARER_PERMISSION_SET').map((log) => log.Status__c)).toEqual(['Refused']);
    });

    it('refuses a permission set other than CLM Runtime User and writes nothing', async () => {
        const other = org.PermissionSet.find((ps) => !ps.IsOwnedByProfile && ps.Name === 'DocGenRuntimeCommunityUser')!;
        const before = org.PermissionSetAssignment.length;
        const result = await assignSharerPermissionSet({ userIds: [internalUser().Id], permissionSetId: other.Id });
        expect(result.message).toMatch(/^PERMISSION_SET_NOT_ALLOWED: /);
        expect(org.PermissionSetAssignment).toHaveLength(before);
    });
});

describe('sample org: send login email', () => {
    it('sends it to an external user and logs it without an email address', async () => {
        const user = externalUser();
        const result = await sendLoginEmail({ userId: user.Id });
        expect(result.ok).toBe(true);
        expect(sentLoginEmails).toEqual([user.Id]);
        const [log] = logsOf('SEND_LOGIN_EMAIL');
        expect(log.Status__c).toBe('Completed');
        expect(log.Before__c).not.toContain('@');
    });

    it('refuses an internal user with USER_NOT_EXTERNAL and sends nothing', async () => {
        const result = await sendLoginEmail({ userId: internalUser().Id });
        expect(result.ok).toBe(false);
        expect(result.message).toMatch(/^USER_NOT_EXTERNAL: /);
        expect(sentLoginEmails).toEqual([]);
        expect(logsOf('SEND_LOGIN_EMAIL').map((log) => log.Status__c)).toEqual(['Refused']);
    });

    it('answers each user of a bulk request, in order', async () => {
        const external = externalUser();
        const internal = internalUser();
        const results = await sendLoginEmails({ userIds: [external.Id, internal.Id, external.Id] });
        expect(results.map((r) => [r.userId, r.result.ok])).toEqual([
            [external.Id, true],
            [internal.Id, false],
        ]);
    });
});
