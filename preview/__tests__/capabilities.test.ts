/**
 * The platform permissions user mode needs (issue 8 §3), in the sample org: the same
 * capabilities and refusals as `SetupAssistantCapabilities`, and `?without=VIEW_ROLES` to preview
 * the assistant of an admin without "View Roles and Role Hierarchy".
 */
import CAPABILITY_MISSING from '@salesforce/label/c.CCSA_Capability_Missing';
import CAPABILITY_READINESS from '@salesforce/label/c.CCSA_Capability_READINESS';
import PERMISSION_VIEW_ROLES from '@salesforce/label/c.CCSA_Permission_VIEW_ROLES';
import PERMISSION_LOGIN_RESETS from '@salesforce/label/c.CCSA_Permission_LOGIN_RESETS';
import PERMISSION_READ_ACCOUNTS from '@salesforce/label/c.CCSA_Permission_READ_ACCOUNTS';
import { formatLabel } from 'c/labelFormat';
import { CAPABILITIES, capabilities, heldPermissions, requireCapability, simulatedMissing } from '../sample-org/guard';
import { currentSession } from '../sample-org/session';

const refusedNaming = (permission: string) =>
    expect.objectContaining({
        status: 500,
        body: expect.objectContaining({ message: expect.stringContaining(permission) }),
    });

describe('sample org capabilities', () => {
    afterEach(() => window.history.pushState({}, '', '/'));

    it('gives the default admin (System Administrator) every capability', () => {
        const session = currentSession('');
        const all = capabilities(session, '');
        expect(all.map((capability) => capability.name)).toEqual(CAPABILITIES);
        expect(all.every((capability) => capability.available)).toBe(true);
        expect(() => requireCapability(session, 'READINESS_FIXES', '')).not.toThrow();
    });

    it('reads only the known requirements from ?without=', () => {
        expect([...simulatedMissing('?without=VIEW_ROLES,bogus, SITES')]).toEqual(['VIEW_ROLES', 'SITES']);
        expect(simulatedMissing('').size).toBe(0);
    });

    it('says VIEW_ROLES is missing for an admin without View Roles and Role Hierarchy', () => {
        const session = currentSession('');
        expect(heldPermissions(session, '?without=VIEW_ROLES').has('PermissionsViewRoles')).toBe(false);
        const byName = new Map(capabilities(session, '?without=VIEW_ROLES').map((c) => [c.name, c]));
        expect(byName.get('READINESS')).toEqual({
            name: 'READINESS',
            label: CAPABILITY_READINESS,
            available: false,
            missingRequirements: ['VIEW_ROLES'],
            missingPermissions: [PERMISSION_VIEW_ROLES],
            message: formatLabel(CAPABILITY_MISSING, CAPABILITY_READINESS, PERMISSION_VIEW_ROLES),
        });
        expect(byName.get('ENABLE_USERS')?.available).toBe(false);
        expect(byName.get('LICENSE_UPGRADES')?.available).toBe(false);
        expect(byName.get('USER_DOCTOR')?.available).toBe(false);
        expect(byName.get('READINESS_FIXES')?.available).toBe(true);
        expect(byName.get('USER_DOCTOR_FIXES')?.available).toBe(true);
        expect(byName.get('HISTORY')?.available).toBe(true);
    });

    it('says READ_ACCOUNTS is missing for enabling, license changes and the doctor, and refuses their facts', async () => {
        const session = currentSession('');
        const byName = new Map(capabilities(session, '?without=READ_ACCOUNTS').map((c) => [c.name, c]));
        for (const name of ['ENABLE_USERS', 'LICENSE_UPGRADES', 'USER_DOCTOR'] as const) {
            expect(byName.get(name)).toMatchObject({
                available: false,
                missingRequirements: ['READ_ACCOUNTS'],
                missingPermissions: [PERMISSION_READ_ACCOUNTS],
            });
        }
        for (const name of ['READINESS', 'READINESS_FIXES', 'USER_DOCTOR_FIXES', 'HISTORY'] as const) {
            expect(byName.get(name)?.available).toBe(true);
        }
        window.history.pushState({}, '', '/?without=READ_ACCOUNTS&latency=0');
        const upgrade = require('../sample-org/apex/LicenseUpgradeController');
        await expect(upgrade.getUpgradeFacts({ userIds: [], targetProfileId: null })).rejects.toEqual(
            refusedNaming(PERMISSION_READ_ACCOUNTS),
        );
    });

    it('refuses login emails to an admin who cannot reset passwords, before any is sent', async () => {
        window.history.pushState({}, '', '/?without=LOGIN_RESETS&latency=0');
        const doctor = require('../sample-org/apex/UserDoctorController');
        const { sampleOrg } = require('../sample-org/org');
        const external = sampleOrg.User.find((user: { ContactId: string | null }) => user.ContactId);
        const sent = doctor.sentLoginEmails.length;
        await expect(doctor.sendLoginEmail({ userId: external.Id })).rejects.toEqual(
            refusedNaming(PERMISSION_LOGIN_RESETS),
        );
        await expect(doctor.sendLoginEmails({ userIds: [external.Id] })).rejects.toEqual(
            refusedNaming(PERMISSION_LOGIN_RESETS),
        );
        expect(doctor.sentLoginEmails).toHaveLength(sent);
        // The doctor's other fixes stay available (Assign Permission Sets is enough for them).
        expect(
            capabilities(currentSession('?without=LOGIN_RESETS'), '?without=LOGIN_RESETS').every((c) => c.available),
        ).toBe(true);
    });

    it('refuses the readiness facts and enabling users with the missing permission, as the Apex does', async () => {
        window.history.pushState({}, '', '/?without=VIEW_ROLES&latency=0');
        const readiness = require('../sample-org/apex/ReadinessController');
        const userSetup = require('../sample-org/apex/UserSetupController');
        await expect(readiness.getReadinessFacts()).rejects.toEqual(refusedNaming(PERMISSION_VIEW_ROLES));
        await expect(userSetup.enableUsers({ requests: [] })).rejects.toEqual(refusedNaming(PERMISSION_VIEW_ROLES));
    });

    it('still answers the context, with the capabilities and without the role name', async () => {
        window.history.pushState({}, '', '/?without=VIEW_ROLES&latency=0');
        const { getAssistantContext } = require('../sample-org/apex/SetupAssistantController');
        const context: Apex.AssistantContextService.AssistantContext = await getAssistantContext();
        expect(context.hasRole).toBe(true);
        expect(context.roleName).toBeUndefined();
        expect(context.capabilities.find((c) => c.name === 'READINESS')?.missingRequirements).toEqual(['VIEW_ROLES']);
    });

    it('refuses site fixes without Create and Set Up Experiences or Modify All Data', async () => {
        window.history.pushState({}, '', '/?without=SITES&latency=0');
        const readiness = require('../sample-org/apex/ReadinessController');
        await expect(readiness.activateSite({ networkId: '0DB000000000001AAA' })).rejects.toEqual(
            refusedNaming('Create and Set Up Experiences'),
        );
    });
});
