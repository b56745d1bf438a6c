/**
 * The sample org's readiness checklist is the preview's stand-in for `ReadinessController`: the
 * same facts, confirmations, fixes, refusals and log records as the Apex, over the sample org.
 * Measured with the real rules (`c/readinessRules`), the org has some steps done and some not.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import CONFIRM_INVALID_ROW from '@salesforce/label/c.CCSA_Readiness_Confirm_Invalid_Row';
import POLICY_SITE_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Site_Not_Found';
import NO_DIGITAL_EXPERIENCES from '@salesforce/label/c.CCSA_Readiness_Fix_No_Digital_Experiences';
import { formatLabel } from 'c/labelFormat';
import { reasonMessage } from 'c/readinessMessages';
import { SETUP_URLS, evaluateReadiness, summarizeReadiness } from 'c/readinessRules';
import type { ReadinessRow, RowId } from 'c/readinessRules';
import {
    ALL_SITES_URL,
    SETTINGS_URL,
    activateSite,
    addSiteMember,
    clearReadinessConfirmation,
    confirmReadinessStep,
    getReadinessFacts,
    resetConfirmations,
    showAllSettings,
} from '../sample-org/apex/ReadinessController';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import type { Network } from '../sample-org/types';

function site(name: string): Network {
    return org.Network.find((n) => n.Name === name) as Network;
}

function row(rows: ReadinessRow[], id: RowId): ReadinessRow {
    return rows.find((item) => item.id === id) as ReadinessRow;
}

const logsOf = (action: string) => org.Setup_Assistant_Log__c.filter((log) => log.Action__c === action);

beforeEach(() => {
    resetSampleOrg();
    resetConfirmations();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('sample org readiness facts', () => {
    it('has some steps done and one to confirm for the default admin', async () => {
        const facts = await getReadinessFacts();
        expect(facts.digitalExperiencesEnabled).toBe(true);
        expect(facts.profiles.map((p) => p.name)).toEqual(
            expect.arrayContaining([
                'Customer Community Plus Login User',
                'Customer Community Plus User',
                'Customer Community Plus User - Contracts',
            ]),
        );
        expect(facts.profiles.every((p) => p.licenseName.startsWith('Customer Community Plus'))).toBe(true);
        expect(facts.profiles.find((p) => p.name === 'Customer Community Plus User')?.isCustom).toBe(false);
        expect(facts.userLicenses.map((l) => l.name).sort()).toEqual([
            'Customer Community Plus',
            'Customer Community Plus Login',
        ]);
        expect(facts.sites.map((s) => s.name)).toEqual([
            'Contracts Portal',
            'Customer Portal',
            'Member Login',
            'Partner Central',
        ]);
        expect(facts.runningUser.roleName).toBe('CEO');
        const runtime = facts.permissionSets.find((ps) => ps.name === 'CLMRuntimeUser');
        expect(runtime?.activeAssigneeCount).toBe(2);
        expect(facts.permissionSets.find((ps) => ps.name === 'DocGenRuntimeCommunityUser')?.activeAssigneeCount).toBe(
            undefined,
        );
        expect(facts.permissionSetLicenses.map((psl) => psl.developerName).sort()).toEqual([
            'ClmCcPlusDigitalExperiencePsl',
            'ClmDigitalExperiencePartnerPsl',
            'ClmRuntimeUserPsl',
            'DocGenRuntimeCommunityUserPsl',
        ]);

        const rows = evaluateReadiness(facts);
        expect(rows.map((item) => [item.id, item.status])).toEqual([
            ['DIGITAL_EXPERIENCES', 'done'],
            ['STANDARD_EXTERNAL_PROFILES', 'confirm'],
            ['ADMIN_ROLE', 'done'],
            ['CCP_PROFILE', 'done'],
            ['CCP_SEATS', 'done'],
            ['CONTRACTS_PERMISSION_SETS', 'done'],
            ['SITE', 'done'],
            ['CONTRACT_SHARERS', 'done'],
        ]);
        const preview = row(evaluateReadiness(facts, { siteId: site('Contracts Portal').Id }), 'SITE');
        expect(preview.findings.map((f) => f.code)).toEqual(['SITE_NOT_LIVE', 'SITE_SHOW_ALL_SETTINGS_OFF']);
    });

    it('names the chosen profile on the profile row, not the clone that has API Enabled (admin walk)', async () => {
        const facts = await getReadinessFacts();
        const byName = (name: string) => facts.profiles.find((p) => p.name === name)!;
        const clone = byName('Customer Community Plus User - Contracts');
        expect(clone.apiEnabled).toBe(true);
        for (const chosen of ['Customer Community Plus User', 'Customer Community Plus Login User']) {
            const profile = byName(chosen);
            expect(profile).toMatchObject({ apiEnabled: false, isCustom: false });
            const ccp = row(evaluateReadiness(facts, { profileId: profile.id }), 'CCP_PROFILE');
            expect(ccp.status).toBe('needs-action');
            expect(ccp.findings.map((f) => [f.code, f.values, f.action])).toEqual([
                ['CCP_PROFILE_CLONE_NEEDED', [chosen], { kind: 'setup-link', url: SETUP_URLS.profiles }],
            ]);
            expect(reasonMessage(ccp.reason)).toMatch(new RegExp(`^${chosen} is a standard profile`));
            expect(reasonMessage(ccp.reason)).not.toContain(clone.name);
        }
        // The default choice measures the best profile, as before.
        expect(reasonMessage(row(evaluateReadiness(facts), 'CCP_PROFILE').reason)).toBe(
            'Customer Community Plus User - Contracts (Customer Community Plus) has API Enabled.',
        );
    });

    it('measures an admin without a role', async () => {
        window.history.pushState({}, '', '/?as=rnoble&latency=0');
        const rows = evaluateReadiness(await getReadinessFacts());
        expect(row(rows, 'ADMIN_ROLE').status).toBe('needs-action');
        expect(summarizeReadiness(rows).ready).toBe(false);
    });

    it('has no site without Digital Experiences', async () => {
        org.CommunitiesSettings.enableNetworksEnabled = false;
        const facts = await getReadinessFacts();
        expect(facts.sites).toEqual([]);
        expect(row(evaluateReadiness(facts), 'SITE').reason.code).toBe('SITE_NEEDS_DIGITAL_EXPERIENCES');
        const refused = await activateSite({ networkId: site('Contracts Portal').Id });
        expect(refused).toEqual({ ok: false, message: NO_DIGITAL_EXPERIENCES, setupUrl: SETTINGS_URL });
        // Refused before any write, as a policy refusal is (Failed is for what the platform refuses).
        const logs = org.Setup_Assistant_Log__c.filter((log) => log.Action__c === 'ACTIVATE_SITE');
        expect(logs.map((log) => [log.Status__c, log.Error__c])).toEqual([['Refused', NO_DIGITAL_EXPERIENCES]]);
    });

    it('refuses a user without the admin permission set, as the guard does', async () => {
        window.history.pushState({}, '', '/?as=jprice&latency=0');
        const denied = formatLabel(
            ACCESS_DENIED,
            'Contracts Community Setup Admin',
            'Manage_Contracts_Community_Users',
        );
        await expect(getReadinessFacts()).rejects.toMatchObject({ body: { message: denied } });
        await expect(confirmReadinessStep({ rowId: 'STANDARD_EXTERNAL_PROFILES' })).rejects.toMatchObject({
            body: { message: denied },
        });
        await expect(activateSite({ networkId: site('Contracts Portal').Id })).rejects.toMatchObject({
            body: { message: denied },
        });
    });
});

describe('sample org readiness confirmations', () => {
    it('persists a confirmation across reads, logs it, and withdraws it', async () => {
        const confirmed = await confirmReadinessStep({ rowId: 'STANDARD_EXTERNAL_PROFILES' });
        expect(confirmed).toMatchObject({ rowId: 'STANDARD_EXTERNAL_PROFILES', confirmedByName: 'Avery Admin' });
        const rows = evaluateReadiness(await getReadinessFacts());
        expect(row(rows, 'STANDARD_EXTERNAL_PROFILES').status).toBe('done');
        expect(summarizeReadiness(rows).percentDone).toBe(100);
        expect(logsOf('CONFIRM_READINESS_STEP')).toHaveLength(1);

        await clearReadinessConfirmation({ rowId: 'STANDARD_EXTERNAL_PROFILES' });
        await clearReadinessConfirmation({ rowId: 'STANDARD_EXTERNAL_PROFILES' });
        expect((await getReadinessFacts()).confirmations).toEqual([]);
        expect(logsOf('CLEAR_READINESS_CONFIRMATION')).toHaveLength(1);
    });

    it('refuses to confirm a row the assistant measures', async () => {
        await expect(confirmReadinessStep({ rowId: 'SITE' })).rejects.toMatchObject({
            body: { message: formatLabel(CONFIRM_INVALID_ROW, 'SITE') },
        });
    });
});

describe('sample org readiness fixes', () => {
    it('activates the Preview site and shows all its settings, logging each fix', async () => {
        const portal = site('Contracts Portal');
        const activated = await activateSite({ networkId: portal.Id });
        expect(activated).toEqual({ ok: true, message: 'Contracts Portal is now active.', setupUrl: ALL_SITES_URL });
        expect(portal.Status).toBe('Live');
        const shown = await showAllSettings({ networkId: portal.Id });
        expect(shown.ok).toBe(true);
        expect(portal.OptionsShowAllNetworkSettings).toBe(true);
        const rows = evaluateReadiness(await getReadinessFacts(), { siteId: portal.Id });
        expect(row(rows, 'SITE').status).toBe('done');
        const [log] = logsOf('ACTIVATE_SITE');
        expect(log).toMatchObject({ Status__c: 'Completed', Error__c: null });
        expect(JSON.parse(log.Before__c ?? '{}')).toMatchObject({ Status: 'UnderConstruction' });
    });

    it('adds a profile to the members, and refuses it twice as the platform does', async () => {
        const partners = site('Partner Central');
        const plusLogin = org.Profile.find((p) => p.Name === 'Customer Community Plus Login User');
        const added = await addSiteMember({ networkId: partners.Id, profileId: plusLogin!.Id });
        expect(added.ok).toBe(true);
        expect(added.message).toBe(
            'Customer Community Plus Login User was added to the members of Partner Central. Salesforce adds its users in the background: the site row shows the membership as pending until it is done.',
        );
        // Asynchronous: the first read shows the membership pending, the next one Added.
        const pending = (await getReadinessFacts()).sites.find((s) => s.id === partners.Id)!;
        expect(pending.members).toContainEqual({ parentId: plusLogin!.Id, assignmentStatus: 'Add Calculated' });
        expect(pending.memberParentIds).not.toContain(plusLogin!.Id);
        const done = (await getReadinessFacts()).sites.find((s) => s.id === partners.Id)!;
        expect(done.memberParentIds).toContain(plusLogin!.Id);
        const again = await addSiteMember({ networkId: partners.Id, profileId: plusLogin!.Id });
        expect(again.ok).toBe(false);
        expect(again.message).toContain('duplicate value found');
        expect(again.setupUrl).toBe(ALL_SITES_URL);
        // The platform refused the duplicate (the policy passed): Failed, not Refused.
        expect(logsOf('ADD_PROFILE_MEMBER').map((log) => log.Status__c)).toEqual(['Completed', 'Failed']);
    });

    it('returns the policy refusal with the Setup page for a site that does not exist', async () => {
        const missing = '0DB00000000zzzzAAA';
        for (const result of [
            await activateSite({ networkId: missing }),
            await showAllSettings({ networkId: missing }),
            await addSiteMember({ networkId: missing, profileId: org.Profile[0].Id }),
        ]) {
            expect(result).toEqual({
                ok: false,
                message: `SITE_NOT_FOUND: ${formatLabel(POLICY_SITE_NOT_FOUND, missing)}`,
                setupUrl: ALL_SITES_URL,
            });
        }
        // A policy refusal reads Refused in History, as a refused doctor fix does (not Failed).
        expect(org.Setup_Assistant_Log__c.filter((log) => log.Status__c === 'Refused')).toHaveLength(3);
        expect(org.Setup_Assistant_Log__c.filter((log) => log.Status__c === 'Failed')).toHaveLength(0);
        const unknownProfile = await addSiteMember({
            networkId: site('Partner Central').Id,
            profileId: '00e000000000zzzAAA',
        });
        expect(unknownProfile.ok).toBe(false);
        expect(unknownProfile.message).toMatch(/^SITE_MEMBER_NOT_ALLOWED: /);
    });
});
