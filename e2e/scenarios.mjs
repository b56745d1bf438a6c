// The e2e scenarios: one screen each, with what the admin must see on it. Texts come from the
// package's Custom Labels and the sample org's data, never from copies in the tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST } from '../preview/build.mjs';

const require = createRequire(import.meta.url);
const { readLabels } = require('../scripts/lib/labels.js');
const labels = readLabels();

function label(name, ...values) {
    if (!labels.has(name)) throw new Error(`Unknown Custom Label ${name}`);
    return labels.get(name).replace(/\{(\d+)\}/g, (placeholder, index) => values[Number(index)] ?? placeholder);
}

/** The sample org the preview was built with (written by preview/build.mjs). */
function sampleOrg() {
    return JSON.parse(readFileSync(join(DIST, 'sample-org.json'), 'utf8'));
}

function userByAlias(org, alias) {
    const user = org.User.find((u) => u.Alias === alias);
    if (!user) throw new Error(`The sample org has no user with alias ${alias}`);
    return user;
}

/** The shell's header: title and tagline from the labels, and a base component really rendered. */
async function expectHeader(page, { expectText }) {
    const shell = page.locator('c-setup-assistant');
    await expectText(shell.locator('.app-title'), label('CCSA_App_Title'), 'app title');
    await expectText(shell, label('CCSA_App_Tagline'), 'tagline');
}

/** An icon is drawn: its `<use>` points into an SLDS sprite that the server has and that holds the symbol. */
async function expectIconRendered(page, iconHost, symbol) {
    const use = iconHost.locator('svg use').first();
    await use.waitFor({ state: 'attached', timeout: 5000 });
    const href = await use.getAttribute('href');
    if (!href || !href.endsWith(`#${symbol}`)) {
        throw new Error(`icon: expected a sprite reference to #${symbol}, found "${href}"`);
    }
    const found = await page.evaluate(async (url) => {
        const response = await fetch(url.split('#')[0]);
        const text = await response.text();
        return response.ok && text.includes(`id="${url.split('#')[1]}"`);
    }, href);
    if (!found) throw new Error(`icon: ${href} does not resolve to a symbol`);
    const box = await iconHost.locator('svg').first().boundingBox();
    if (!box || box.width < 8 || box.height < 8) throw new Error('icon: the svg is not visible');
}

/** Chooses an option of a lightning-combobox by its visible label. */
async function chooseOption(combobox, optionLabel) {
    await combobox.locator('button, input[role="combobox"]').first().click();
    await combobox.locator('lightning-base-combobox-item', { hasText: optionLabel }).first().click();
}

/**
 * License upgrades up to the validation: the sample org's Customer Community user who upgrades
 * cleanly and a Gold Partner user whose path is a re-enable, validated against the Contracts
 * Customer Community Plus profile.
 */
async function validateTwoUsers(page, { expectText }) {
    const org = sampleOrg();
    const clean = userByAlias(org, 'dvarg');
    const goldPartner = userByAlias(org, 'bbeck');
    const panel = page.locator('c-license-upgrade');
    await expectText(panel, label('CCSA_Upgrade_Title'), 'license upgrades title');
    await panel.locator('lightning-button.search button').click();
    for (const user of [clean, goldPartner]) {
        const row = panel.locator('.candidates tr', { hasText: user.Username });
        await row.locator('.slds-checkbox_faux, .slds-checkbox__label').first().click();
    }
    await expectText(panel.locator('.selected-count'), label('CCSA_Upgrade_Selected', 2), 'selected count');
    const target = org.Profile.find((p) => p.Name === 'Customer Community Plus User - Contracts');
    await chooseOption(panel.locator('lightning-combobox.target'), target.Name);
    await panel.locator('lightning-button.validate button').click();
    const verdicts = panel.locator('c-upgrade-verdict');
    await expectText(verdicts.nth(0).locator('.path'), label('CCSA_Path_change_profile'), 'clean user path');
    await expectText(verdicts.nth(1).locator('.path'), label('CCSA_Path_reenable_as_customer'), 'gold partner path');
    await expectText(
        verdicts.nth(1).locator('.steps'),
        label('CCSA_Step_OPEN_CONTACT', goldPartner.Name),
        'manual steps',
    );
    await expectText(
        panel.locator('.ready-count'),
        label('CCSA_Upgrade_Ready_Count', 0, 2),
        'nothing ready before the acknowledgement',
    );
    return { panel, verdicts, clean };
}

export const SCENARIOS = [
    {
        name: 'shell-admin',
        title: 'the default admin sees the shell with their name, org and role',
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const admin = org.User.find((u) => u.Id === org.defaultRunningUserId);
            await expectHeader(page, helpers);
            const shell = page.locator('c-setup-assistant');
            await helpers.expectText(
                shell.locator('.running-as'),
                label('CCSA_Running_As', admin.Name, org.Organization.Name),
                'running as',
            );
            const role = org.UserRole.find((r) => r.Id === admin.UserRoleId);
            await helpers.expectText(shell.locator('.role'), label('CCSA_Role_Present', role.Name), 'role');
            if ((await shell.locator('.role-warning').count()) > 0) throw new Error('unexpected role warning');
            await expectIconRendered(page, shell.locator('lightning-icon').first(), 'customer_portal_users');
        },
    },
    {
        name: 'admin-without-role',
        title: 'an admin without a role is warned, with the link to Users in Setup',
        query: '?as=rnoble',
        async run(page, helpers) {
            const org = sampleOrg();
            const admin = userByAlias(org, 'rnoble');
            await expectHeader(page, helpers);
            const shell = page.locator('c-setup-assistant');
            await helpers.expectText(
                shell.locator('.running-as'),
                label('CCSA_Running_As', admin.Name, org.Organization.Name),
                'running as',
            );
            const warning = shell.locator('.role-warning');
            await helpers.expectText(warning, label('CCSA_Role_Missing_Title'), 'role warning');
            await helpers.expectText(warning, label('CCSA_Role_Missing_Body'), 'role warning body');
            const link = warning.getByRole('link', { name: label('CCSA_Role_Missing_Link') });
            const href = await link.getAttribute('href', { timeout: 5000 });
            if (href !== '/lightning/setup/ManageUsers/home') throw new Error(`Setup link: unexpected href ${href}`);
            await expectIconRendered(page, warning.locator('lightning-icon'), 'warning');
        },
    },
    {
        name: 'no-permission-set',
        title: 'a user without the admin permission set sees the guard message',
        query: '?as=jprice',
        async run(page, helpers) {
            await expectHeader(page, helpers);
            const panel = page.locator('c-setup-assistant c-error-panel');
            await helpers.expectText(panel, label('CCSA_Context_Error'), 'error panel title');
            await helpers.expectText(
                panel.locator('.message'),
                label('CCSA_Access_Denied', 'Contracts Community Setup Admin', 'Manage_Contracts_Community_Users'),
                'guard message',
            );
            if ((await page.locator('c-setup-assistant .running-as').count()) > 0) {
                throw new Error('the shell must not show a running user when access is denied');
            }
            await expectIconRendered(page, panel.locator('lightning-icon'), 'error');
        },
    },
    {
        name: 'license-upgrade-validated',
        title: 'license upgrades: two users validated, one profile change and one re-enable with its steps',
        query: '',
        async run(page, helpers) {
            await validateTwoUsers(page, helpers);
        },
    },
    {
        name: 'license-upgrade-done',
        title: 'license upgrades: the acknowledged user is changed, the result is Done, nothing left to retry',
        query: '',
        async run(page, helpers) {
            const { panel, verdicts } = await validateTwoUsers(page, helpers);
            await verdicts.nth(0).locator('lightning-input.acknowledge label').click();
            await helpers.expectText(
                panel.locator('.ready-count'),
                label('CCSA_Upgrade_Ready_Count', 1, 2),
                'one ready',
            );
            await panel.locator('lightning-button.run button').click();
            const results = panel.locator('.results');
            await helpers.expectText(results, label('CCSA_Upgrade_Status_Completed'), 'result status');
            if ((await panel.locator('lightning-button.retry').count()) > 0)
                throw new Error('nothing should be left to retry');
        },
    },
];
