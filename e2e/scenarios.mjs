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

/** The sample org the preview was built with (written by preview/build.mjs, where e2e/run.mjs built it). */
function sampleOrg() {
    return JSON.parse(readFileSync(join(process.env.CCSA_PREVIEW_DIST ?? DIST, 'sample-org.json'), 'utf8'));
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

/** The records of a CSV text (a quoted field may hold line breaks), without the trailing empty line. */
function csvRecords(text) {
    const records = [];
    let current = '';
    let quoted = false;
    for (const char of text) {
        if (char === '"') quoted = !quoted;
        if (!quoted && char === '\n') {
            records.push(current.replace(/\r$/, ''));
            current = '';
        } else {
            current += char;
        }
    }
    if (current) records.push(current.replace(/\r$/, ''));
    return records;
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
    await expectText(panel.locator('.selected-count'), label('CCSA_Picker_Users_Selected_Many', 2), 'selected count');
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

/** The readiness checklist, measured: the progress of the default admin's sample org is shown. */
async function readinessChecklist(page, { expectText }, done) {
    const checklist = page.locator('c-readiness-checklist');
    await expectText(checklist, label('CCSA_Readiness_Title'), 'readiness title');
    await expectText(
        checklist.locator('.progress-text'),
        label('CCSA_Readiness_Progress', done, 8, Math.floor((done * 100) / 8)),
        'readiness progress',
    );
    return checklist;
}

/** A row of the readiness checklist by its id. */
function readinessRow(checklist, rowId) {
    return checklist.locator(`li.readiness-row.row-${rowId}`);
}

/** The tabs of the workspace: value, label and the component each one shows (issue 11 §1). */
/**
 * Enable users on the large sample org: contacts selected across two searches ("select all
 * matching" twice), checked (more than 200 rows ready), and run as a job on the platform (rows
 * queued in it). Returns the job's row in the jobs panel and helpers that read its "n of N".
 */
async function startLargeEnableJob(page, { expectText }) {
    const picker = page.locator('c-enable-users c-record-picker');
    await expectText(page.locator('c-enable-users'), label('CCSA_Enable_Title'), 'enable users title');
    // Two searches, each "select all matching": the selection keeps both.
    for (const term of ['an', 'el']) {
        await picker.locator('lightning-input.search-term input').fill(term);
        await picker.locator('lightning-input.search-term input').press('Enter');
        await picker.locator('.candidates tr').nth(1).waitFor({ state: 'visible', timeout: 10000 });
        await picker.locator('lightning-button.select-all button').click();
        await picker.locator('.selected-list .selected-item').first().waitFor({ state: 'visible', timeout: 10000 });
    }
    await page.locator('c-enable-users lightning-button.check button').click();
    await page
        .locator('c-enable-users .ready-count')
        .filter({ hasText: /\d/ })
        .waitFor({ state: 'visible', timeout: 30000 });
    const panel = page.locator('c-enable-users');
    const readyText = (await panel.locator('.ready-count').textContent()) ?? '';
    const ready = Number((readyText.match(/[\d,]+/) ?? ['0'])[0].replace(/,/g, ''));
    if (!(ready > 200)) throw new Error(`expected more than 200 rows ready, found "${readyText}"`);
    await panel.locator('lightning-button.run button').click();
    // Above 200 rows: a job, not the browser. The rows wait in it.
    const notice = panel.locator('.job-notice');
    await notice.waitFor({ state: 'visible', timeout: 20000 });
    const jobName = ((await notice.textContent()) ?? '').match(/JOB-\d+/)?.[0];
    if (!jobName) throw new Error(`job notice: no job name in "${await notice.textContent()}"`);
    await expectText(
        panel.locator('c-plan-table.plan-table'),
        label('CCSA_Enable_Status_Queued', jobName),
        'plan rows queued in the job',
    );
    const jobRow = () => page.locator('section.enable-users c-jobs-panel li.job', { hasText: jobName });
    const processed = async () => {
        const text = (await jobRow().locator('.job-progress .slds-text-title_bold').textContent()) ?? '';
        const [done, of] = (text.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
        if (of !== ready) throw new Error(`job progress: expected "n of ${ready}", found "${text}"`);
        return done;
    };
    const waitUntil = async (what, test, timeout = 60000) => {
        const deadline = Date.now() + timeout;
        for (;;) {
            const value = await processed().catch(() => -1);
            if (test(value)) return value;
            if (Date.now() > deadline) throw new Error(`${what}: still ${value} of ${ready}`);
            await page.waitForTimeout(250);
        }
    };
    return { panel, jobName, ready, jobRow, processed, waitUntil };
}

const WORKSPACE_TABS = [
    {
        value: 'readiness',
        label: 'CCSA_Tab_Readiness',
        component: 'c-readiness-checklist',
        title: 'CCSA_Readiness_Title',
    },
    { value: 'enableUsers', label: 'CCSA_Tab_Enable_Users', component: 'c-enable-users', title: 'CCSA_Enable_Title' },
    {
        value: 'licenseUpgrades',
        label: 'CCSA_Tab_License_Upgrades',
        component: 'c-license-upgrade',
        title: 'CCSA_Upgrade_Title',
    },
    {
        value: 'userDoctor',
        label: 'CCSA_Tab_User_Doctor',
        component: 'c-user-doctor-panel',
        title: 'CCSA_Doctor_Title',
    },
    { value: 'history', label: 'CCSA_Tab_History', component: 'c-history-panel', title: 'CCSA_History_Title' },
];

/** The workspace tab that is open: its label is on the selected tab, its panel is visible. */
async function expectOpenTab(page, { expectText }, tab) {
    const selected = page.locator('c-setup-assistant [role="tablist"] [role="tab"][aria-selected="true"]');
    await expectText(selected, label(tab.label), 'open tab');
    await expectText(page.locator(`c-setup-assistant ${tab.component}`), label(tab.title), `${tab.value} panel`);
}

function contactByName(org, name) {
    const contact = org.Contact.find((c) => `${c.FirstName} ${c.LastName}` === name);
    if (!contact) throw new Error(`The sample org has no contact ${name}`);
    return contact;
}

/** The Contact record page of the preview with the "Enable Portal User" quick action opened in its modal. */
async function openQuickAction(page, { expectText }, contactName) {
    await expectText(page.locator('.contact-name'), contactName, 'contact record page');
    await page.getByRole('button', { name: 'Enable Portal User' }).click();
    const modal = page.getByRole('dialog', { name: 'Enable Portal User' });
    await modal.waitFor({ state: 'visible', timeout: 5000 });
    return modal;
}

/**
 * The quick action's modal keeps the focus (WCAG 2.1.2, 2.4.3): Tab, then Shift+Tab, pressed more
 * times than the modal has controls never leave it (the focused element is found through the
 * shadow roots); Escape closes it and gives the focus back to the "Enable Portal User" button.
 */
async function expectModalKeepsFocus(page, modal) {
    const controls = await page.evaluate(() => {
        const focusable = 'a[href], button, input, select, textarea, [tabindex]';
        const count = (root) =>
            [...root.children].reduce(
                (sum, child) =>
                    sum +
                    (child.matches(focusable) ? 1 : 0) +
                    count(child) +
                    (child.shadowRoot ? count(child.shadowRoot) : 0),
                0,
            );
        return count(document.querySelector('section.quick-action-modal'));
    });
    const focusInModal = () =>
        page.evaluate(() => {
            let active = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            const dialog = document.querySelector('section.quick-action-modal');
            for (let node = active; node; node = node.parentNode ?? node.host) if (node === dialog) return '';
            return `${active?.localName} "${(active?.textContent ?? '').trim().slice(0, 60)}"`;
        });
    for (const key of ['Tab', 'Shift+Tab']) {
        for (let press = 1; press <= controls + 2; press++) {
            await page.keyboard.press(key);
            const outside = await focusInModal();
            if (outside) throw new Error(`${key} ×${press} took the focus out of the modal, to ${outside}`);
        }
    }
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached', timeout: 5000 });
    const focused = await focusedElement(page);
    if (!focused.className.includes('enable-portal-user')) {
        throw new Error(`after Escape the focus must be back on Enable Portal User, not ${JSON.stringify(focused)}`);
    }
}

/** Contact ids of the sample org by name, for a hand-over in the page state (`c__contactIds`). */
function contactIds(...names) {
    const org = sampleOrg();
    return names.map((name) => {
        const contact = org.Contact.find((c) => `${c.FirstName} ${c.LastName}` === name);
        if (!contact) throw new Error(`The sample org has no contact ${name}`);
        return contact.Id;
    });
}

/** Enable users with two contacts handed over, checked, on the Login profile. */
async function handedOverPlan(page, { expectText }) {
    const panel = page.locator('c-enable-users');
    await expectText(panel.locator('.plan-table'), 'Amara Horvat', 'the handed-over plan');
    await chooseOption(panel.locator('lightning-combobox.profile'), 'Customer Community Plus Login User - Contracts');
    return panel;
}

/** The element that has the focus, through the shadow roots (synthetic shadow retargets it). */
async function focusedElement(page) {
    return page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return {
            tag: active?.localName ?? '',
            className: active?.className ?? '',
            name: active?.getAttribute('aria-label') ?? active?.getAttribute('title') ?? active?.textContent ?? '',
        };
    });
}

/** Types a value into a cell of the plan table (its pencil, then Enter) and saves the draft. */
async function editCell(panel, rowText, column, value) {
    const cell = panel.locator('.plan-table tr', { hasText: rowText }).locator(`td[data-label="${column}"]`);
    await cell.locator('button.edit-button').click();
    const input = cell.locator('input.cell-input');
    await input.fill(value);
    await input.press('Enter');
    await panel.locator('.plan-table button.save-drafts').click();
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
        query: '?c__tab=licenseUpgrades',
        async run(page, helpers) {
            const { panel, verdicts, clean } = await validateTwoUsers(page, helpers);
            // Sorted by user name, then descending: the verdicts follow the names, not the selection.
            const [first, last] = [clean.Name, userByAlias(sampleOrg(), 'bbeck').Name].sort();
            await chooseOption(panel.locator('lightning-combobox.verdict-sort'), label('CCSA_Upgrade_Sort_Name'));
            await helpers.expectText(verdicts.nth(0).locator('.user-name'), first, 'first verdict by name');
            await panel.locator('lightning-button-icon.verdict-sort-direction button').click();
            await helpers.expectText(verdicts.nth(0).locator('.user-name'), last, 'first verdict by name desc');
        },
    },
    {
        name: 'license-upgrade-owner-without-role',
        title: 'license upgrades: a user whose account owner has no role is blocked before any change, with whom to give one',
        query: '?c__tab=licenseUpgrades',
        async run(page, { expectText }) {
            const org = sampleOrg();
            const user = org.User.find((u) => u.Name === 'Ivan Larsen');
            const account = org.Account.find((a) => a.Id === user.AccountId);
            const owner = org.User.find((u) => u.Id === account.OwnerId);
            if (owner.UserRoleId) throw new Error(`${owner.Name} has a role in the sample org: pick another user`);
            const panel = page.locator('c-license-upgrade');
            await expectText(panel, label('CCSA_Upgrade_Title'), 'license upgrades title');
            await panel.locator('lightning-button.search button').click();
            await panel
                .locator('.candidates tr', { hasText: user.Username })
                .locator('.slds-checkbox_faux, .slds-checkbox__label')
                .first()
                .click();
            const target = org.Profile.find((p) => p.Name === 'Customer Community Plus User - Contracts');
            await chooseOption(panel.locator('lightning-combobox.target'), target.Name);
            await panel.locator('lightning-button.validate button').click();
            const verdict = panel.locator('c-upgrade-verdict').first();
            await expectText(
                verdict.locator('.blockers'),
                label('CCSA_Upgrade_ACCOUNT_OWNER_WITHOUT_ROLE', owner.Name, account.Name),
                'blocked: the owner has no role',
            );
            await expectText(
                panel.locator('.ready-count'),
                label('CCSA_Upgrade_Ready_Count_One', 0, 1),
                'nothing ready',
            );
        },
    },
    {
        name: 'license-upgrade-done',
        title: 'license upgrades: the acknowledged user is changed, the result is Done, nothing left to retry',
        query: '?c__tab=licenseUpgrades',
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
    {
        name: 'readiness-checklist',
        title: "readiness: the sample org's steps, done and to confirm, with the progress",
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const checklist = await readinessChecklist(page, helpers, 7);
            await helpers.expectText(checklist.locator('.ready-state'), label('CCSA_Readiness_Not_Ready'), 'not ready');
            const standard = readinessRow(checklist, 'STANDARD_EXTERNAL_PROFILES');
            await helpers.expectText(
                standard.locator('.row-status'),
                label('CCSA_Readiness_Status_Confirm'),
                'to confirm',
            );
            await helpers.expectText(
                standard.locator('.reason'),
                label('CCSA_Readiness_STANDARD_EXTERNAL_PROFILES_UNCONFIRMED'),
                'why',
            );
            const admin = org.User.find((u) => u.Id === org.defaultRunningUserId);
            const role = org.UserRole.find((r) => r.Id === admin.UserRoleId);
            await helpers.expectText(
                readinessRow(checklist, 'ADMIN_ROLE').locator('.reason'),
                label('CCSA_Readiness_ADMIN_HAS_ROLE', admin.Name, role.Name),
                'admin role',
            );
            const live = org.Network.find((n) => n.Status === 'Live' && n.OptionsShowAllNetworkSettings);
            await helpers.expectText(
                readinessRow(checklist, 'SITE').locator('.reason'),
                label('CCSA_Readiness_SITE_READY', live.Name),
                'site ready',
            );
            const href = await readinessRow(checklist, 'SITE').locator('a.setup-link').getAttribute('href');
            if (href !== '/lightning/setup/SetupNetworks/home') throw new Error(`site Setup link: unexpected ${href}`);
            await expectIconRendered(page, readinessRow(checklist, 'SITE').locator('lightning-icon'), 'success');
            // Seats per license (issue 10 §2): one line each, used of total and left, with its own verdict.
            const seatLines = readinessRow(checklist, 'CCP_SEATS').locator('li.finding');
            for (const [index, name] of ['Customer Community Plus', 'Customer Community Plus Login'].entries()) {
                const license = org.UserLicense.find((l) => l.Name === name);
                const left = license.TotalLicenses - license.UsedLicenses;
                if (left <= 0) throw new Error(`the sample org should have seats left on ${name}`);
                await helpers.expectText(
                    seatLines.nth(index).locator('.reason'),
                    label(
                        'CCSA_Readiness_CCP_SEATS_LICENSE_LEFT',
                        name,
                        license.UsedLicenses,
                        license.TotalLicenses,
                        left,
                    ),
                    `${name} seats`,
                );
                await expectIconRendered(page, seatLines.nth(index).locator('lightning-icon.seat-verdict'), 'success');
            }
        },
    },
    {
        name: 'readiness-fix-site',
        title: 'readiness: the Preview site is chosen (the picker shows its status), activated by the Fix button after the confirmation, and measured again',
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const preview = org.Network.find((n) => n.Status === 'UnderConstruction');
            const checklist = await readinessChecklist(page, helpers, 7);
            // The site picker names each site's status as Setup does (Live / Preview / Inactive).
            await chooseOption(
                checklist.locator('lightning-combobox.site-choice'),
                label('CCSA_Readiness_Site_Option', preview.Name, label('CCSA_Readiness_Site_Status_Preview')),
            );
            const site = readinessRow(checklist, 'SITE');
            await helpers.expectText(
                site.locator('.reason'),
                label('CCSA_Readiness_SITE_NOT_LIVE', preview.Name),
                'site in preview',
            );
            await readinessChecklist(page, helpers, 6);
            await site
                .locator('lightning-button.fix', { hasText: label('CCSA_Readiness_Fix_ACTIVATE_SITE', preview.Name) })
                .locator('button')
                .click();
            // Activation can send welcome emails: the admin confirms first, told whether it will.
            await helpers.expectText(
                site.locator('.activation-confirm .confirm-welcome'),
                label(
                    preview.OptionsSendWelcomeEmail
                        ? 'CCSA_Readiness_Activate_Confirm_Welcome'
                        : 'CCSA_Readiness_Activate_Confirm_No_Welcome',
                    preview.Name,
                ),
                'activation confirmation',
            );
            await site.locator('lightning-button.confirm-activation').locator('button').click();
            await helpers.expectText(
                checklist.locator('.fix-done'),
                label('CCSA_Readiness_Fix_Done_ACTIVATE_SITE', preview.Name),
                'fix done',
            );
            await helpers.expectText(
                site.locator('.reason'),
                label('CCSA_Readiness_SITE_SHOW_ALL_SETTINGS_OFF', preview.Name),
                'site measured again',
            );
            if (
                (await site
                    .locator('.reason', { hasText: label('CCSA_Readiness_SITE_NOT_LIVE', preview.Name) })
                    .count()) > 0
            ) {
                throw new Error('the activated site must not be reported in Preview');
            }
        },
    },
    {
        name: 'readiness-confirmed',
        title: 'readiness: standard external profiles confirmed by the admin, every step done',
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const admin = org.User.find((u) => u.Id === org.defaultRunningUserId);
            const checklist = await readinessChecklist(page, helpers, 7);
            const standard = readinessRow(checklist, 'STANDARD_EXTERNAL_PROFILES');
            await standard.locator('lightning-button.confirm button').click();
            await helpers.expectText(
                standard.locator('.row-status'),
                label('CCSA_Readiness_Status_Done'),
                'confirmed row done',
            );
            await helpers.expectText(standard.locator('.reason'), `Confirmed by ${admin.Name} on`, 'who confirmed');
            await readinessChecklist(page, helpers, 8);
            await helpers.expectText(checklist.locator('.ready-state'), label('CCSA_Readiness_Ready'), 'ready');
            await helpers.expectText(
                standard.locator('lightning-button.undo'),
                label('CCSA_Readiness_Undo_Confirmation'),
                'undo offered',
            );
        },
    },
    {
        name: 'enable-users',
        title: 'enable users: three contacts, one blocked by an account owner without a role, fixed in Setup, then enabled; CSV export',
        query: '?c__tab=enableUsers',
        async run(page, { expectText }) {
            const panel = page.locator('c-enable-users');
            await expectText(panel, label('CCSA_Enable_Title'), 'enable users title');
            await panel.locator('lightning-button.search button').click();
            for (const name of ['Amara Fischer', 'Amara Horvat', 'Aisha Garcia']) {
                const row = panel.locator('.candidates tr', { hasText: name });
                await row.locator('.slds-checkbox_faux, .slds-checkbox__label').first().click();
            }
            await panel.locator('lightning-button.check button').click();
            await chooseOption(
                panel.locator('lightning-combobox.profile'),
                'Customer Community Plus Login User - Contracts',
            );
            await expectText(panel.locator('.ready-count'), label('CCSA_Enable_Ready_Count', 2, 3), 'two ready');
            // With the plan shown, the search results fold to one line; the selection stays listed.
            const picker = panel.locator('c-record-picker');
            await expectText(picker.locator('.folded-text'), /folded away while you review the plan/, 'results folded');
            if ((await picker.locator('.candidates').count()) !== 0) {
                throw new Error('the search results are still on the page beside the plan');
            }
            await expectText(
                picker.locator('.selected-count'),
                label('CCSA_Picker_Contacts_Selected_Many', 3),
                'the selection stays',
            );
            await picker.locator('lightning-button.show-results button').click();
            await picker.locator('.candidates tr', { hasText: 'Amara Fischer' }).waitFor();
            await picker.locator('lightning-button.hide-results button').click();
            await picker.locator('lightning-button.show-results button').waitFor();
            const blocked = panel.locator('.plan-table tr', { hasText: 'Aisha Garcia' });
            await expectText(blocked, 'has no role', 'the owner role problem');
            // Sorted by Status, an edit that changes a row's status leaves it, and the focus, where
            // they were (sorting is an action, as in lightning-datatable); sorting again reorders.
            const names = () =>
                panel
                    .locator('.plan-table tbody tr')
                    .evaluateAll(
                        (rows, contact) =>
                            rows.map((row) => row.querySelector(`td[data-label="${contact}"]`)?.textContent.trim()),
                        label('CCSA_Enable_Column_Contact'),
                    );
            const statusHeader = panel.locator(`.plan-table th:has(button.sort-button[data-field="statusText"])`);
            await statusHeader.locator('button.sort-button').click();
            const sorted = await names();
            const taken = sampleOrg().User.find((u) => u.UserType !== 'Standard' && u.IsActive).Username;
            const moved = sorted[sorted.length - 1] === 'Aisha Garcia' ? sorted[0] : sorted[sorted.length - 1];
            const username = label('CCSA_Enable_Column_Username');
            const own = (
                await panel
                    .locator('.plan-table tr', { hasText: moved })
                    .locator(`td[data-label="${username}"] .cell-text`)
                    .innerText()
            ).trim();
            await editCell(panel, moved, username, taken);
            await expectText(
                panel.locator('.plan-table tr', { hasText: moved }),
                label('CCSA_Plan_Status_problem'),
                'the edited row is now a problem',
            );
            if (JSON.stringify(await names()) !== JSON.stringify(sorted))
                throw new Error(`the saved edit moved the rows: ${await names()} (was ${sorted})`);
            const focused = await focusedElement(page);
            if (!focused.name.includes(moved)) throw new Error(`after Save the focus is on ${JSON.stringify(focused)}`);
            await panel.locator('.plan-table .plan-order-note').waitFor({ state: 'visible', timeout: 5000 });
            if ((await statusHeader.getAttribute('aria-sort')) !== 'other')
                throw new Error('the Status header still claims the rows are sorted');
            await statusHeader.locator('button.sort-button').click();
            await panel.locator('.plan-table .plan-order-note').waitFor({ state: 'detached', timeout: 5000 });
            await editCell(panel, moved, username, own);
            await expectText(panel.locator('.ready-count'), label('CCSA_Enable_Ready_Count', 2, 3), 'two ready again');
            await panel.locator('lightning-button.run button').click();
            const results = panel.locator('.results');
            await expectText(
                results.locator('tr', { hasText: 'Amara Fischer' }),
                label('CCSA_Enable_Status_Created'),
                'first created',
            );
            await expectText(
                results.locator('tr', { hasText: 'Amara Horvat' }),
                label('CCSA_Enable_Status_Created'),
                'second created',
            );

            // The fix, as the admin would make it in Setup > Users, then the check and the run again.
            await page.locator('#give-roles').click();
            await panel.locator('lightning-button.check button').click();
            await expectText(
                panel.locator('.ready-count'),
                label('CCSA_Enable_Ready_Count', 1, 3),
                'only the fixed row is ready',
            );
            await panel.locator('lightning-button.run button').click();
            await expectText(
                results.locator('tr', { hasText: 'Aisha Garcia' }),
                label('CCSA_Enable_Status_Created'),
                'fixed row created',
            );
            const href = decodeURIComponent((await panel.locator('a.export').getAttribute('href')) ?? '');
            if (!href.startsWith('data:text/csv') || !/Aisha Garcia,[^\n]*,Created/.test(href)) {
                throw new Error(`CSV export: unexpected content ${href.slice(0, 200)}`);
            }
        },
    },
    {
        name: 'enable-users-typed-customers',
        title: 'enable users: typed customers are trimmed, edited in place (never lost), and one added after the Check waits for the next Check beside the plan',
        query: '?c__tab=enableUsers',
        async run(page, { expectText }) {
            const panel = page.locator('c-enable-users');
            await expectText(panel, label('CCSA_Enable_Title'), 'enable users title');
            const field = (name) => panel.locator(`lightning-input[data-field="${name}"] input`);
            const rows = panel.locator('.new-customers .new-customer-row');
            async function type(values) {
                for (const [name, value] of Object.entries(values)) {
                    await field(name).fill(value);
                    await field(name).press('Tab');
                }
            }
            // Spaces around the email: trimmed when the field is left, one verdict everywhere.
            await type({ accountName: 'Walk Test Co', lastName: 'Doe', email: ' jd.walk@example.com ' });
            if ((await field('email').inputValue()) !== 'jd.walk@example.com') {
                throw new Error(`the email must be trimmed, found "${await field('email').inputValue()}"`);
            }
            await panel.locator('button.add-customer').click();
            await type({ accountName: 'Walk Test Co', lastName: 'Roe', email: 'rr.walk@example.com' });
            await panel.locator('button.add-customer').click();
            await expectText(rows.nth(0), 'Doe <jd.walk@example.com>', 'the first customer, trimmed');
            // Edit keeps the row listed; Edit on another while the form holds changes is refused.
            await rows.nth(0).locator('button.edit-customer').click();
            await expectText(
                rows.nth(0).locator('.customer-editing'),
                label('CCSA_Enable_Customer_Editing'),
                'editing',
            );
            await field('lastName').fill('Doe-Smith');
            await rows.nth(1).locator('button.edit-customer').click();
            await expectText(
                panel.locator('.add-customer-reason'),
                label('CCSA_Enable_Customer_Form_Busy'),
                'the refused edit says why',
            );
            if ((await rows.count()) !== 2)
                throw new Error(`both customers must stay listed, found ${await rows.count()}`);
            await panel.locator('button.save-customer').click();
            await expectText(rows.nth(0), 'Doe-Smith', 'saved in place, first');
            // Checked, then one more customer: the plan stays and Run waits for the next Check.
            await panel.locator('lightning-button.check button').click();
            await expectText(panel.locator('.ready-count'), ' of 2 rows', 'the two typed rows planned');
            await type({ accountName: 'Walk Test Co', lastName: 'Poe', email: 'pp.walk@example.com' });
            await panel.locator('button.add-customer').click();
            await expectText(
                panel.locator('.unchecked-customers-run'),
                label('CCSA_Enable_Customers_Not_Checked_One'),
                'the new customer waits for the next Check',
            );
            await expectText(panel.locator('.ready-count'), ' of 2 rows', 'the plan stays');
            if (!(await panel.locator('lightning-button.run button').isDisabled())) {
                throw new Error('Run must wait for the next Check');
            }
            await panel.locator('lightning-button.check button').click();
            await expectText(panel.locator('.ready-count'), ' of 3 rows', 'all three planned');
            if ((await panel.locator('.unchecked-customers-run').count()) !== 0) throw new Error('nothing waits');
        },
    },
    {
        name: 'enable-users-edit-collides',
        title: 'enable users: an edited username that collides is not Ready; one taken in another org fails, is fixed and retried with the new value',
        // A getter: the sample org is read after the preview is built, not when this module loads.
        get query() {
            return `?c__tab=enableUsers&c__contactIds=${contactIds('Amara Fischer', 'Amara Horvat').join(',')}`;
        },
        async run(page, { expectText }) {
            const panel = await handedOverPlan(page, { expectText });
            // An edit kept but not saved holds Run (it would run the old value); Cancel drops it.
            const alias = panel
                .locator('.plan-table tr', { hasText: 'Amara Horvat' })
                .locator(`td[data-label="${label('CCSA_Enable_Column_Alias')}"]`);
            await alias.locator('button.edit-button').click();
            await alias.locator('input.cell-input').fill('unsaved');
            await alias.locator('input.cell-input').press('Enter');
            await expectText(panel.locator('.unsaved-run'), label('CCSA_Plan_Unsaved_Run'), 'why Run waits');
            if (!(await panel.locator('lightning-button.run button').isDisabled()))
                throw new Error('Run must wait while an edit is not saved');
            await panel.locator('.plan-table button.cancel-drafts').click();
            await panel.locator('.unsaved-run').waitFor({ state: 'detached', timeout: 5000 });
            // A nickname typed on one row that another row was given: the typed value is kept, the
            // other row gets the next free one and says why, and the line above the plan names it.
            const nicknameCell = (name) =>
                panel
                    .locator('.plan-table tr', { hasText: name })
                    .locator(`td[data-label="${label('CCSA_Enable_Column_Nickname')}"] .cell-text`);
            const fischerNickname = (await nicknameCell('Amara Fischer').innerText()).trim();
            await editCell(panel, 'Amara Horvat', label('CCSA_Enable_Column_Nickname'), fischerNickname);
            await expectText(nicknameCell('Amara Horvat'), fischerNickname, 'the typed nickname kept');
            const movedTo = (await nicknameCell('Amara Fischer').innerText()).trim();
            if (movedTo === fischerNickname) throw new Error('two rows share the nickname ' + movedTo);
            const why = label(
                'CCSA_Enable_Warning_NICKNAME_CHANGED_FOR_TYPED',
                movedTo,
                'Amara Horvat',
                fischerNickname,
            );
            await expectText(panel.locator('.plan-table tr', { hasText: 'Amara Fischer' }), why, 'why it moved');
            await expectText(panel.locator('.edit-notice'), why, 'the moved row announced');
            const org = sampleOrg();
            const existing = org.User.find((u) => u.UserType !== 'Standard' && u.IsActive);
            await editCell(panel, 'Amara Fischer', label('CCSA_Enable_Column_Username'), existing.Username);
            // After Save the focus is back on the cell that was edited, a named control (not the body
            // nor an unnamed container).
            const focused = await focusedElement(page);
            if (!(
                focused.tag === 'button' &&
                String(focused.className).includes('edit-button') &&
                focused.name.includes('Amara Fischer') &&
                focused.name.includes(label('CCSA_Enable_Column_Username'))
            )) {
                throw new Error(`after Save the focus is on ${JSON.stringify(focused)}, not the edited cell's button`);
            }
            const fischer = panel.locator('.plan-table tr', { hasText: 'Amara Fischer' });
            await expectText(fischer, label('CCSA_Plan_Status_problem'), 'a taken username is not Ready');
            await expectText(panel.locator('.ready-count'), label('CCSA_Enable_Ready_Count', 1, 2), 'one ready');
            // Taken in another org: the rules cannot see it, the platform refuses it.
            await editCell(panel, 'Amara Fischer', label('CCSA_Enable_Column_Username'), 'taken@elsewhere.example.com');
            await expectText(panel.locator('.ready-count'), label('CCSA_Enable_Ready_Count', 2, 2), 'two ready');
            await panel.locator('lightning-button.run button').click();
            const results = panel.locator('.results');
            await expectText(results.locator('.run-summary'), '1 created · 1 failed', 'the summary');
            const failedText = await results.locator('tr', { hasText: 'Amara Fischer' }).innerText();
            if (failedText.includes('<br')) throw new Error('the platform error shows raw markup');
            await editCell(
                panel,
                'Amara Fischer',
                label('CCSA_Enable_Column_Username'),
                'amara.fischer@retried.example.com',
            );
            await panel.locator('lightning-button.retry button').click();
            await expectText(results.locator('.run-summary'), '2 created', 'retried with the new value');
            await expectText(
                results.locator('tr', { hasText: 'Amara Fischer' }),
                'amara.fischer@retried.example.com',
                'the new username',
            );
        },
    },
    {
        name: 'cross-panel-run-holds-plan',
        title: 'workspace: users enabled in Enable users hold the License upgrades plan validated before: Run waits, a line says why, until the next Validate',
        get query() {
            return `?c__tab=enableUsers&c__contactIds=${contactIds('Amara Fischer', 'Amara Horvat').join(',')}`;
        },
        async run(page, helpers) {
            const { expectText } = helpers;
            const enable = await handedOverPlan(page, helpers);
            const tab = (value) => page.locator(`c-setup-assistant [role="tablist"] [role="tab"][data-tab="${value}"]`);
            await tab('licenseUpgrades').click();
            const { panel, verdicts } = await validateTwoUsers(page, helpers);
            await verdicts.nth(0).locator('lightning-input.acknowledge label').click();
            const run = panel.locator('lightning-button.run button');
            if (await run.isDisabled()) throw new Error('Run must be enabled once the change is acknowledged');
            // Enable users runs: seats of the same licenses are taken.
            await tab('enableUsers').click();
            await enable.locator('lightning-button.run button').click();
            await expectText(enable.locator('.results .run-summary'), '2 created', 'users created');
            await tab('licenseUpgrades').click();
            await expectText(panel.locator('.org-changed-run'), label('CCSA_Upgrade_Org_Changed'), 'why Run waits');
            if (!(await run.isDisabled())) throw new Error('Run must wait for the next Validate');
            await panel.locator('lightning-button.validate button').click();
            await verdicts.nth(0).locator('lightning-input.acknowledge label').click();
            await panel.locator('.org-changed-run').waitFor({ state: 'detached', timeout: 5000 });
            if (await run.isDisabled()) throw new Error('Validated again: Run is enabled');
        },
    },
    {
        name: 'enable-users-second-click',
        title: 'enable users: after a successful run the rows are Done and Run stays disabled until the next Check',
        // A getter: the sample org is read after the preview is built, not when this module loads.
        get query() {
            return `?c__tab=enableUsers&c__contactIds=${contactIds('Amara Fischer', 'Amara Horvat').join(',')}`;
        },
        async run(page, { expectText }) {
            const panel = await handedOverPlan(page, { expectText });
            await panel.locator('lightning-button.run button').click();
            await expectText(panel.locator('.results .run-summary'), '2 created', 'the summary');
            await expectText(
                panel.locator('.plan-table tr', { hasText: 'Amara Horvat' }),
                label('CCSA_Plan_Status_done'),
                'Done in the plan',
            );
            if (!(await panel.locator('lightning-button.run button').isDisabled()))
                throw new Error('Run must stay disabled after the run');
            await expectText(panel.locator('.run-locked'), label('CCSA_Enable_Run_Locked'), 'why Run is disabled');
        },
    },
    {
        name: 'enable-users-fit',
        title: 'enable users: one seat left, "Enable the one that fits" enables the first ready row, the other is not run',
        // A getter: the sample org is read after the preview is built, not when this module loads.
        get query() {
            return `?c__tab=enableUsers&seats=1&c__contactIds=${contactIds('Amara Fischer', 'Amara Horvat').join(',')}`;
        },
        async run(page, { expectText }) {
            const panel = await handedOverPlan(page, { expectText });
            await expectText(
                panel.locator('.seats'),
                'Customer Community Plus Login: 1 seat left',
                'seats per license',
            );
            await panel.locator('lightning-button.run-fit button', { hasText: label('CCSA_Enable_Fit_One') }).click();
            await expectText(panel.locator('.results .run-summary'), '1 created · 1 not run', 'the summary');
            await expectText(panel.locator('.plan-table'), label('CCSA_Plan_Status_notRun'), 'the other row not run');
        },
    },
    {
        name: 'license-upgrade-second-click',
        title: 'license upgrades: after a successful change the verdict is Done and cannot run again',
        query: '?c__tab=licenseUpgrades',
        async run(page, helpers) {
            const { panel, verdicts } = await validateTwoUsers(page, helpers);
            await verdicts.nth(0).locator('lightning-input.acknowledge label').click();
            await panel.locator('lightning-button.run button').click();
            await helpers.expectText(panel.locator('.results .run-summary'), '1 changed', 'the summary');
            await helpers.expectText(panel.locator('.verdicts'), label('CCSA_Plan_Status_done'), 'Done verdict');
            if (!(await panel.locator('lightning-button.run button').isDisabled()))
                throw new Error('Run must stay disabled after the change');
        },
    },
    {
        name: 'license-upgrade-selection-follows',
        title: 'license upgrades: the verdicts follow the selection (a removed user leaves, the others keep their acknowledgement; one added waits for Validate)',
        query: '?c__tab=licenseUpgrades',
        async run(page, helpers) {
            const { expectText } = helpers;
            const { panel, verdicts, clean } = await validateTwoUsers(page, helpers);
            await verdicts.nth(0).locator('lightning-input.acknowledge label').click();
            await expectText(
                panel.locator('.ready-count'),
                label('CCSA_Upgrade_Ready_Count', 1, 2),
                'one acknowledged',
            );
            // The second pill (the gold partner) removed: its verdict leaves, the first keeps its acknowledgement.
            await panel.locator('lightning-button-icon.remove-selected button').nth(1).click();
            await expectText(panel.locator('.selected-count'), label('CCSA_Picker_Users_Selected_One'), 'one selected');
            if ((await verdicts.count()) !== 1)
                throw new Error(`one verdict must stay, found ${await verdicts.count()}`);
            await expectText(verdicts.nth(0), clean.Name, 'the clean user keeps its verdict');
            if (!(await verdicts.nth(0).locator('lightning-input.acknowledge input').isChecked()))
                throw new Error('the acknowledgement must stay');
            if (await panel.locator('lightning-button.run button').isDisabled())
                throw new Error('Run must stay enabled for the verdict left');
            // Selected again before the next Validate: its verdict comes back, nothing waits.
            await panel.locator('c-record-picker lightning-button.show-results button').click();
            const goldPartner = userByAlias(sampleOrg(), 'bbeck');
            const tick = (row) => row.locator('.slds-checkbox_faux, .slds-checkbox__label').first().click();
            await tick(panel.locator('.candidates tr', { hasText: goldPartner.Username }));
            await expectText(verdicts.nth(1).locator('.path'), label('CCSA_Path_reenable_as_customer'), 'back');
            if ((await panel.locator('.unchecked-run').count()) !== 0)
                throw new Error('a re-selected user waits for nothing');
            // A user never validated: Run waits for the next Validate, which includes it.
            await tick(
                panel
                    .locator('.candidates tbody tr')
                    .filter({ hasNotText: clean.Username })
                    .filter({ hasNotText: goldPartner.Username })
                    .first(),
            );
            await expectText(
                panel.locator('.unchecked-run'),
                label('CCSA_Upgrade_Selection_Not_Validated_One'),
                'the added user waits for Validate',
            );
            if (!(await panel.locator('lightning-button.run button').isDisabled()))
                throw new Error('Run must wait for the next Validate');
            await panel.locator('lightning-button.validate button').click();
            await verdicts.nth(2).waitFor({ state: 'visible', timeout: 5000 });
            if ((await panel.locator('.unchecked-run').count()) !== 0) throw new Error('nothing waits after Validate');
        },
    },
    {
        name: 'enable-300-two-searches',
        title: 'enable users: 300 contacts selected across two searches (select all matching twice, the count stays true), checked 200 facts a call',
        query: '?c__tab=enableUsers',
        async run(page, { expectText }) {
            const total = sampleOrg().Contact.length;
            const panel = page.locator('c-enable-users');
            const picker = panel.locator('c-record-picker');
            await expectText(panel, label('CCSA_Enable_Title'), 'enable users title');
            const count = picker.locator('.selected-count');
            // First search: part of the contacts, all of them selected.
            await picker.locator('lightning-input.search-term input').fill('an');
            await picker.locator('lightning-input.search-term input').press('Enter');
            await picker.locator('.candidates tr').nth(1).waitFor({ state: 'visible', timeout: 5000 });
            await picker.locator('lightning-button.select-all button').click();
            await picker.locator('.selected-list .selected-item').first().waitFor({ state: 'visible', timeout: 5000 });
            const first = Number((await count.textContent()).replace(/\D/g, ''));
            if (!(first > 0 && first < total)) throw new Error(`first search: expected part of ${total}, got ${first}`);
            // Second search: every contact; those already selected are not counted twice.
            await picker.locator('lightning-input.search-term input').fill('');
            await picker.locator('lightning-input.search-term input').press('Enter');
            // 200 read, 50 a page: what the header checkbox selects is said above the list.
            const hint = picker.locator('.header-hint');
            await expectText(
                hint,
                `${label('CCSA_Picker_Header_Hint', '50')} ${label('CCSA_Picker_Select_All_Hint', '10,000')}`,
                'the header checkbox hint',
            );
            const [hintBox, listBox] = [await hint.boundingBox(), await picker.locator('.candidates').boundingBox()];
            if (!(hintBox && listBox && hintBox.y < listBox.y)) throw new Error('the hint must come before the list');
            await picker.locator('lightning-button.select-all button').click();
            await expectText(
                count,
                label('CCSA_Picker_Contacts_Selected_Many', total.toLocaleString('en-US')),
                'count',
            );
            await expectText(
                picker.locator('.selected-more'),
                label('CCSA_Picker_Selected_More', (total - 50).toLocaleString('en-US')),
                'the removable list names the first 50 and counts the rest',
            );
            // One pill removed and put back by a search: the count follows.
            await picker.locator('lightning-button-icon.remove-selected button').first().click();
            await expectText(count, label('CCSA_Picker_Contacts_Selected_Many', total - 1), 'one removed');
            await picker.locator('lightning-button.select-all button').click();
            await expectText(count, label('CCSA_Picker_Contacts_Selected_Many', total), 'all again');
            // Check: more than 200, read 200 a call and planned as one.
            await panel.locator('lightning-button.check button').click();
            await expectText(panel.locator('.ready-count'), ` of ${total} rows`, 'one plan for every selected contact');
            // The pager under the table (admin walk: Next there showed the end of the next page, the
            // window left at the bottom): page 2 from its first row, and the page said politely.
            const pages = panel.locator('c-plan-pager.plan-pages');
            await pages.locator('.next-page button').scrollIntoViewIfNeeded();
            await pages.locator('.next-page button').click();
            await expectText(pages.locator('.page-text[role="status"]'), 'Page 2 of', 'the next page');
            const top = (await panel.locator('c-plan-table.plan-table').boundingBox())?.y ?? -1;
            if (!(top >= 0 && top < page.viewportSize().height / 2)) {
                throw new Error(`page 2 must show from its first row: the table's top at ${Math.round(top)} px`);
            }
            // "Problems only", then a suffix change of every row (admin walk: the held view kept the
            // rows an invalid suffix had made problems, Ready rows under "Problems only").
            const shown = async () => {
                const pager = panel.locator('c-plan-pager.plan-pages .page-text');
                if ((await pager.count()) > 0)
                    return Number((await pager.textContent()).match(/\(([\d,]+) rows\)/)[1].replace(/,/g, ''));
                return panel.locator('c-plan-table.plan-table tbody tr').count();
            };
            await panel.locator('lightning-input.problems-only label').first().click();
            const problems = await shown();
            if (!(problems > 0 && problems < total))
                throw new Error(`problems only: expected part of ${total}, got ${problems}`);
            const suffix = panel.locator('lightning-input.suffix input');
            const before = await suffix.inputValue();
            await suffix.fill('.ccs!');
            for (let wait = 0; wait < 50 && (await shown()) !== total; wait++) await page.waitForTimeout(100);
            if ((await shown()) !== total)
                throw new Error(`an invalid suffix makes every row a problem: ${await shown()} of ${total}`);
            await suffix.fill(before);
            for (let wait = 0; wait < 50 && (await shown()) !== problems; wait++) await page.waitForTimeout(100);
            if ((await shown()) !== problems) {
                throw new Error(
                    `the suffix fixed, problems only shows the ${problems} problems again, not ${await shown()}`,
                );
            }
            const statuses = await panel
                .locator('c-plan-table.plan-table tbody td[data-label="Status"]')
                .allInnerTexts();
            if (statuses.length === 0) throw new Error('the status cells are not found');
            if (statuses.some((text) => text.trim() === label('CCSA_Plan_Status_ready'))) {
                throw new Error('no Ready row under "Problems only" after the suffix change');
            }
            if ((await panel.locator('c-plan-table.plan-table .plan-order-note').count()) !== 0) {
                throw new Error('a suffix change re-applies the view: no held-order note');
            }
        },
    },
    {
        name: 'enable-job-reload',
        title: 'enable users: contacts selected across two searches of the large sample org, checked and run as a job on the platform (more than 200 rows ready; rows queued in it); the page reloaded midway and the jobs panel shows the same job continuing, every row accounted for at the end, and the CSV of the whole job',
        // The large sample org: in the default one at most 126 of the 300 contacts can be enabled
        // (113 account owners without a role, 56 contacts already users) and only 6 seats of the
        // Contracts permission set licenses are left, too few for a job. Slow simulated steps (a
        // reload lands midway), no simulated failure (exact counts).
        query: '?c__tab=enableUsers&org=large&jobLatency=400&jobFailureRate=0',
        async run(page, { expectText }) {
            const { jobRow, ready, waitUntil } = await startLargeEnableJob(page, { expectText });
            // Midway: some rows run, not all; then the page is reloaded.
            const before = await waitUntil('job started', (done) => done > 0 && done < ready);
            await page.reload({ waitUntil: 'load' });
            // The same job, followed by the jobs panel after the reload, continues to the end.
            await jobRow().waitFor({ state: 'visible', timeout: 10000 });
            await waitUntil('same job after the reload', (done) => done >= before);
            await waitUntil('job finished', (done) => done === ready, 90000);
            await expectText(jobRow().locator('.job-status'), label('CCSA_Job_Status_Completed'), 'job completed');
            // Every row accounted for: the summary's outcomes add up to the rows requested.
            const summary = (await jobRow().locator('.job-summary').textContent()) ?? '';
            const accounted = (summary.match(/[\d,]+/g) ?? []).reduce((sum, n) => sum + Number(n.replace(/,/g, '')), 0);
            if (accounted !== ready) throw new Error(`summary "${summary}" accounts for ${accounted} of ${ready}`);
            // The CSV of the whole job: a byte-order mark, a header and one record per row.
            // One click reads the whole job and downloads it; the link stays, to download again.
            const [download] = await Promise.all([
                page.waitForEvent('download', { timeout: 10000 }),
                jobRow().locator('lightning-button.prepare-csv button').click(),
            ]);
            await jobRow().locator('a.csv').waitFor({ state: 'visible', timeout: 10000 });
            const csv = readFileSync(await download.path(), 'utf8');
            if (!csv.startsWith('\uFEFF')) throw new Error('job CSV: no byte-order mark');
            const records = csvRecords(csv.slice(1));
            if (records[0] !== label('CCSA_Jobs_Csv_Header')) throw new Error(`job CSV header: "${records[0]}"`);
            if (records.length - 1 !== ready) throw new Error(`job CSV: ${records.length - 1} rows, expected ${ready}`);
        },
    },
    {
        name: 'enable-job-cancel',
        title: "enable users: a job of more than 200 rows cancelled midway says it is stopping while the step in flight finishes, then holds still: its counts and the panel's notice agree; Resume runs only the rows not reached, to the end",
        // As enable-job-reload: the large org, slow simulated steps (the Cancel lands while the next
        // step is queued), no simulated failure. Whether the panel that started the job reads on
        // while the step in flight runs is timing here; Jest holds it (jobRunnerStopped.test.ts).
        query: '?c__tab=enableUsers&org=large&jobLatency=400&jobFailureRate=0',
        async run(page, { expectText }) {
            const { panel, jobName, jobRow, ready, processed, waitUntil } = await startLargeEnableJob(page, {
                expectText,
            });
            await waitUntil('job started', (done) => done > 0 && done < ready);
            await jobRow().locator('lightning-button.cancel button').click();
            await expectText(jobRow().locator('.job-status'), label('CCSA_Job_Status_Cancelled'), 'job cancelled');
            // A step was in flight (each one queues the next): the job says it is stopping.
            await expectText(
                jobRow().locator('.job-step'),
                label('CCSA_Job_Stopping').split(' {0}')[0],
                'the job stopping',
            );
            // The step in flight finishes and is counted; then nothing moves.
            await jobRow().locator('.job-step').waitFor({ state: 'detached', timeout: 15000 });
            const settled = await processed();
            const summary = ((await jobRow().locator('.job-summary').textContent()) ?? '').trim();
            await page.waitForTimeout(2000);
            if ((await processed()) !== settled) throw new Error('a cancelled job still moved after it settled');
            if (!(settled > 0 && settled < ready)) throw new Error(`cancelled at ${settled} of ${ready}`);
            // The panel that started the job read it once it settled: its notice names the same counts.
            const notice = panel.locator('.job-notice');
            await expectText(notice, jobName, 'the stopped-job notice');
            const noticeText = (await notice.textContent()) ?? '';
            if (!noticeText.includes(summary)) {
                throw new Error(`notice "${noticeText}" does not carry the settled summary "${summary}"`);
            }
            // Resume: only the rows not reached run, to the end; every row accounted for once.
            await jobRow().locator('lightning-button.resume button').click();
            await waitUntil('resumed job finished', (done) => done === ready, 90000);
            await expectText(jobRow().locator('.job-status'), label('CCSA_Job_Status_Completed'), 'job completed');
            const final = (await jobRow().locator('.job-summary').textContent()) ?? '';
            const accounted = (final.match(/[\d,]+/g) ?? []).reduce((sum, n) => sum + Number(n.replace(/,/g, '')), 0);
            if (accounted !== ready) throw new Error(`summary "${final}" accounts for ${accounted} of ${ready}`);
        },
    },
    {
        name: 'history',
        title: 'history: the sample org log newest first, filtered to the failed changes, one opened with its details',
        query: '?c__tab=history',
        async run(page, { expectText }) {
            const panel = page.locator('c-history-panel');
            await expectText(panel, label('CCSA_History_Title'), 'history title');
            // The six earlier changes the preview seeds (preview/sample-org/data/generate.ts).
            await expectText(panel.locator('.range'), label('CCSA_History_Range', 1, 6, 6), 'every log row');
            await expectText(panel.locator('.history-rows tr').nth(1), 'LOG-0000006', 'newest first');
            // History for people (issue 11 §1): names instead of ids, times in the admin's time zone.
            const org = sampleOrg();
            const table = await panel.locator('.history-rows').innerText();
            const id = /\b(?:005|003|00e|0PS|001|0DB)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?\b/.exec(table);
            if (id) throw new Error(`history table: an id instead of a name (${id[0]})`);
            // The user of the enablement that succeeded: the picker below filters by them.
            const subject = (
                await panel.locator('.history-rows tr', { hasText: 'LOG-0000003' }).locator('a').nth(1).innerText()
            ).trim();
            const admin = userByAlias(org, 'aadmin');
            await expectText(
                panel.locator('.time-zone'),
                label('CCSA_History_Time_Zone', admin.TimeZoneSidKey),
                "the note on the admin's time zone",
            );
            await chooseOption(panel.locator('lightning-combobox.outcome'), 'Failed');
            await panel.locator('lightning-button.apply button').click();
            await expectText(panel.locator('.range'), label('CCSA_History_Range', 1, 2, 2), 'the failed rows');
            const failed = panel.locator('.history-rows tr', { hasText: 'LOG-0000004' });
            await expectText(failed, label('CCSA_History_Action_ENABLE_USER'), 'failed enablement');
            await failed.getByRole('button', { name: label('CCSA_History_Details') }).click();
            const details = panel.locator('.details');
            await expectText(
                details.locator('.details-title'),
                // A failed row's title names the attempt, never a change that happened.
                label(
                    'CCSA_History_Details_Title',
                    'LOG-0000004',
                    label('CCSA_History_Action_Failed', label('CCSA_History_Action_ENABLE_USER')),
                ),
                'details title',
            );
            await expectText(details.locator('.detail-title'), label('CCSA_History_Errors'), 'errors section');
            await expectText(details.locator('.detail-text'), 'DUPLICATE_COMM_NICKNAME', 'the error');
            await expectText(
                details.locator('.explanation[data-code="DUPLICATE_COMM_NICKNAME"]'),
                label('CCSA_History_Explain_DUPLICATE_COMM_NICKNAME'),
                'the platform code explained with its fix',
            );
            const contact = org.Contact[0];
            await expectText(
                failed,
                `${contact.FirstName ?? ''} ${contact.LastName}`.trim(),
                'the failed enable names its contact',
            );
            const href = await details.locator('a.details-log').getAttribute('href');
            if (!/^\/lightning\/r\/ccsa__Setup_Assistant_Log__c\/a00\w{15}\/view$/.test(href ?? '')) {
                throw new Error(`log link: unexpected ${href}`);
            }
            // The user filter is the shared picker (single): the users the log names, chosen by a radio button.
            await panel.locator('lightning-button.clear button').click();
            const picker = panel.locator('c-record-picker.user-picker');
            await picker.locator('lightning-input.search-term input').fill(subject.split(' ').pop());
            await picker.locator('lightning-input.search-term input').press('Enter');
            await picker
                .locator('.candidates tr', { hasText: subject })
                .locator('.slds-radio_faux, .slds-radio__label')
                .first()
                .click();
            await expectText(picker.locator('.pill-label'), subject, 'the user chosen');
            await expectText(
                panel.locator('.range'),
                label('CCSA_History_Range', 1, 1, 1),
                'the rows of the user chosen',
            );
            const rows = panel.locator('.history-rows tbody tr');
            const shown = await rows.count();
            if (shown !== (await rows.filter({ hasText: subject }).count())) {
                throw new Error('history user filter: a row of another user is listed');
            }
        },
    },
    {
        name: 'hostile-direct-calls',
        title: 'security: requests sent straight to the Apex methods (an internal profile, a doctor fix on an admin, a log that is not a change) are refused with their codes, and History shows the refusal',
        query: '?c__tab=history',
        async run(page, { expectText }) {
            const org = sampleOrg();
            const panel = page.locator('c-history-panel');
            await expectText(panel, label('CCSA_History_Title'), 'history title');
            const admin = userByAlias(org, 'aadmin');
            const systemAdministrator = org.Profile.find((profile) => profile.Name === 'System Administrator');
            const docGen = org.PermissionSet.find((set) => set.Name === 'DocGenRuntimeCommunityUser');
            const contact = org.Contact.find((row) => !org.User.some((user) => user.ContactId === row.Id));
            const target = org.Profile.find((profile) => profile.Name === 'Customer Community Plus User');
            const outcome = await page.evaluate(
                async ({ contactId, profileId, adminId, permissionSetId, targetProfileId }) => {
                    const apex = window.ccsaDirectApex;
                    const enabled = await apex.UserSetupController.enableUsers({
                        requests: [
                            {
                                ContactId: contactId,
                                ProfileId: profileId,
                                Username: 'hostile@example.com.invalid',
                                Email: 'hostile@example.com',
                                Alias: 'hostile',
                                CommunityNickname: 'hostile',
                                LastName: 'Hostile',
                                TimeZoneSidKey: 'Europe/Paris',
                                LocaleSidKey: 'en_US',
                                LanguageLocaleKey: 'en_US',
                                EmailEncodingKey: 'UTF-8',
                                UserPermissionsSFContentUser: true,
                                permissionSetIds: [],
                                permissionSetLicenseIds: [],
                            },
                        ],
                    });
                    const fix = await apex.UserDoctorController.assignPermissionSet({
                        userId: adminId,
                        permissionSetId,
                    });
                    let applyError = '';
                    try {
                        await apex.LicenseUpgradeController.applyLicenseChanges({
                            logIds: ['a00000000000XYZ'],
                            targetProfileId,
                        });
                    } catch (error) {
                        applyError = error?.body?.message ?? String(error);
                    }
                    return { enabled, fix, applyError };
                },
                {
                    contactId: contact.Id,
                    profileId: systemAdministrator.Id,
                    adminId: admin.Id,
                    permissionSetId: docGen.Id,
                    targetProfileId: target.Id,
                },
            );
            const codes = (outcome.enabled[0]?.problems ?? []).map((problem) => problem.code);
            if (outcome.enabled[0]?.status !== 'Refused' || !codes.includes('PROFILE_INTERNAL')) {
                throw new Error(`enableUsers with an internal profile: ${JSON.stringify(outcome.enabled)}`);
            }
            if (outcome.enabled[0]?.userId) throw new Error('enableUsers with an internal profile created a user');
            if (outcome.fix.ok || !String(outcome.fix.message).startsWith('USER_NOT_EXTERNAL')) {
                throw new Error(`a doctor fix on an internal admin: ${JSON.stringify(outcome.fix)}`);
            }
            if (!outcome.applyError.startsWith('LOG_NOT_FOUND')) {
                throw new Error(`apply of an id that is not a change: ${outcome.applyError}`);
            }
            // The refusals are in History, for the admin to see.
            await panel.locator('lightning-button.apply button').click();
            await expectText(
                panel.locator('.history-rows tr').nth(1),
                label('CCSA_History_Action_ASSIGN_PERMISSION_SET'),
                'the refused doctor fix, newest first',
            );
        },
    },
    {
        name: 'user-doctor-fix',
        title: 'user doctor: Bruno Vargas lacks a Contracts permission set; the Fix buttons assign its license, then the set, and the checks pass',
        query: '?c__tab=userDoctor',
        async run(page, { expectText }) {
            const org = sampleOrg();
            const psl = org.PermissionSetLicense.find((l) => l.DeveloperName === 'ClmCcPlusDigitalExperiencePsl');
            const permissionSet = 'Contract Management CC Plus Digital Experience User';
            const panel = page.locator('c-user-doctor-panel');
            await expectText(panel, label('CCSA_Doctor_Title'), 'user doctor title');
            // The shared picker in single mode: search with Enter, choose the row (a radio button).
            const picker = panel.locator('c-record-picker');
            await picker.locator('lightning-input.search-term input').fill('Bruno Vargas');
            await picker.locator('lightning-input.search-term input').press('Enter');
            await picker
                .locator('.candidates tr', { hasText: 'Bruno Vargas' })
                .locator('.slds-radio_faux, .slds-radio__label')
                .first()
                .click();
            await expectText(picker.locator('.pill-label'), 'Bruno Vargas', 'the user chosen');
            await expectText(panel.locator('.examined-user'), 'Bruno Vargas', 'the user examined');
            const license = panel.locator('li.check-CCPLUS_PERMISSION_SET_LICENSE');
            const set = panel.locator('li.check-CCPLUS_PERMISSION_SET');
            await expectText(
                set.locator('.reason'),
                label('CCSA_Doctor_PERMISSION_SET_NOT_ASSIGNED', permissionSet),
                'the missing permission set',
            );
            await expectText(set.locator('.check-status'), label('CCSA_Doctor_Status_Fail'), 'set failed');
            await license
                .locator('lightning-button.fix', { hasText: label('CCSA_Doctor_Fix_ASSIGN_PSL', psl.MasterLabel) })
                .locator('button')
                .click();
            await expectText(
                panel.locator('.fix-done'),
                label('CCSA_Doctor_Fix_Done_ASSIGN_PSL', psl.MasterLabel),
                'license assigned',
            );
            await expectText(license.locator('.check-status'), label('CCSA_Doctor_Status_Pass'), 'license passes');
            await set
                .locator('lightning-button.fix', {
                    hasText: label('CCSA_Doctor_Fix_ASSIGN_PERMISSION_SET', permissionSet),
                })
                .locator('button')
                .click();
            await expectText(
                panel.locator('.fix-done'),
                label('CCSA_Doctor_Fix_Done_ASSIGN_PERMISSION_SET', permissionSet),
                'permission set assigned',
            );
            await expectText(set.locator('.check-status'), label('CCSA_Doctor_Status_Pass'), 'set passes');
            await expectText(
                set.locator('.reason'),
                label('CCSA_Doctor_PERMISSION_SET_ASSIGNED', permissionSet),
                'measured again',
            );
        },
    },
    ...WORKSPACE_TABS.map((tab) => ({
        name: `tab-${tab.value}`,
        title: `workspace: the ${tab.value} tab, opened by a click on its tab`,
        query: '',
        async run(page, helpers) {
            if (tab.value !== 'readiness') {
                await page
                    .locator('c-setup-assistant [role="tablist"]')
                    .getByRole('tab', { name: label(tab.label) })
                    .click();
            }
            await expectOpenTab(page, helpers, tab);
        },
    })),
    {
        name: 'workspace-narrow',
        title: 'workspace: at 320 CSS px (a phone, or 400% zoom) the five tabs wrap inside the page (WCAG 1.4.10)',
        query: '',
        async run(page, helpers) {
            await page.setViewportSize({ width: 320, height: 800 });
            await expectOpenTab(page, helpers, WORKSPACE_TABS[0]);
            const tabs = page.locator('c-setup-assistant [role="tablist"] [role="tab"]');
            const width = await page.evaluate(() => window.innerWidth);
            for (const tab of WORKSPACE_TABS) {
                const box = await tabs.filter({ hasText: label(tab.label) }).boundingBox();
                if (!box || box.x < 0 || box.x + box.width > width) {
                    throw new Error(`The ${tab.value} tab is not within the 320 px page: ${JSON.stringify(box)}`);
                }
            }
            // The assistant's own width (the preview's Lightning header around it is not the package's).
            const app = await page.evaluate(() => {
                const host = document.getElementById('app');
                return {
                    scroll: host.scrollWidth,
                    client: host.clientWidth,
                    right: host.getBoundingClientRect().right,
                };
            });
            if (app.scroll > app.client || app.right > width) {
                throw new Error(`The assistant is wider than the 320 px page: ${JSON.stringify(app)}`);
            }
            await tabs.filter({ hasText: label(WORKSPACE_TABS[4].label) }).click();
            await expectOpenTab(page, helpers, WORKSPACE_TABS[4]);
        },
    },
    {
        name: 'license-upgrade-narrow',
        title: 'license upgrades: at 320 CSS px the verdicts, their long path badge ("Disable and re-enable as customer") included, stay inside the page (WCAG 1.4.10)',
        query: '?c__tab=licenseUpgrades',
        async run(page, helpers) {
            await page.setViewportSize({ width: 320, height: 800 });
            const { verdicts } = await validateTwoUsers(page, helpers);
            const width = await page.evaluate(() => window.innerWidth);
            for (let index = 0; index < 2; index++) {
                const badge = await verdicts.nth(index).locator('.verdict-path').boundingBox();
                if (!badge || badge.x < 0 || badge.x + badge.width > width) {
                    throw new Error(
                        `verdict ${index + 1}: the path badge leaves the 320 px page: ${JSON.stringify(badge)}`,
                    );
                }
            }
            const app = await page.evaluate(() => {
                const host = document.getElementById('app');
                return { scroll: host.scrollWidth, client: host.clientWidth };
            });
            if (app.scroll > app.client) {
                throw new Error(`License upgrades is wider than the 320 px page: ${JSON.stringify(app)}`);
            }
        },
    },
    {
        name: 'workspace-keyboard',
        title: 'workspace: the arrow keys, Home and End move between the tabs, and a panel keeps its state when its tab is left',
        query: '',
        async run(page, helpers) {
            const tabs = page.locator('c-setup-assistant [role="tablist"]');
            await tabs.getByRole('tab', { name: label(WORKSPACE_TABS[0].label) }).focus();
            await page.keyboard.press('ArrowRight');
            await expectOpenTab(page, helpers, WORKSPACE_TABS[1]);
            const focused = () =>
                page.evaluate(() => {
                    let element = document.activeElement;
                    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
                    return element?.textContent?.trim() ?? '';
                });
            if ((await focused()) !== label(WORKSPACE_TABS[1].label)) {
                throw new Error(`The focus is not on the tab opened with ArrowRight: ${await focused()}`);
            }
            const search = page.locator('c-enable-users c-record-picker lightning-input.search-term input');
            await search.fill('Kept while away');
            await tabs.getByRole('tab', { name: label(WORKSPACE_TABS[1].label) }).focus();
            await page.keyboard.press('End');
            await expectOpenTab(page, helpers, WORKSPACE_TABS[4]);
            await page.keyboard.press('Home');
            await expectOpenTab(page, helpers, WORKSPACE_TABS[0]);
            await page.keyboard.press('ArrowLeft');
            await expectOpenTab(page, helpers, WORKSPACE_TABS[4]);
            await tabs.getByRole('tab', { name: label(WORKSPACE_TABS[1].label) }).click();
            await expectOpenTab(page, helpers, WORKSPACE_TABS[1]);
            const kept = await search.inputValue();
            if (kept !== 'Kept while away') {
                throw new Error(`Enable users lost its search term when its tab was left: "${kept}"`);
            }
        },
    },
    {
        name: 'workspace-summary',
        title: 'workspace: the header shows the readiness summary, and c__tab=history opens History',
        query: '?c__tab=history',
        async run(page, helpers) {
            await expectOpenTab(page, helpers, WORKSPACE_TABS[4]);
            await helpers.expectText(
                page.locator('c-setup-assistant .readiness-summary'),
                label('CCSA_Readiness_Summary_Many', 8, 7),
                'readiness summary in the header',
            );
        },
    },
    {
        name: 'handover-list-view',
        title: 'hand-over: contacts from the list view button open Enable users, selected and checked',
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const names = ['Amara Fischer', 'Amara Horvat'];
            const ids = names.map((name) => contactByName(org, name).Id).join(',');
            await page.goto(`${page.url().split('?')[0]}?c__contactIds=${ids}&latency=0`);
            await expectOpenTab(page, helpers, WORKSPACE_TABS[1]);
            const panel = page.locator('c-enable-users');
            for (const name of names) {
                await helpers.expectText(
                    panel.locator('.plan-table tr', { hasText: name }),
                    name,
                    `${name} in the plan`,
                );
            }
        },
    },
    {
        name: 'handover-doctor-upgrade',
        title: "hand-over: the doctor's Upgrade the license opens License upgrades with that user selected",
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const user = userByAlias(org, 'dvarg');
            await page.goto(`${page.url().split('?')[0]}?c__userIds=${user.Id}&latency=0`);
            await expectOpenTab(page, helpers, WORKSPACE_TABS[3]);
            const doctor = page.locator('c-user-doctor-panel');
            await helpers.expectText(doctor.locator('.examined-user'), user.Name, 'the user handed over');
            await doctor
                .getByRole('button', { name: label('CCSA_Doctor_Upgrade') })
                .first()
                .click();
            await expectOpenTab(page, helpers, WORKSPACE_TABS[2]);
            const panel = page.locator('c-license-upgrade');
            await helpers.expectText(panel.locator('.candidates tr', { hasText: user.Username }), user.Name, 'listed');
            const checked = await panel
                .locator('.candidates tr', { hasText: user.Username })
                .locator('input[type="checkbox"]')
                .first()
                .isChecked();
            if (!checked) throw new Error('the handed-over user must arrive selected');
            // The doctor's button went with its tab: the focus is on the target, what comes next.
            await page
                .waitForFunction(
                    () => {
                        let active = document.activeElement;
                        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
                        // Up through the shadow hosts: inside the target's lightning-combobox.
                        for (let node = active; node; node = node.parentElement ?? node.getRootNode()?.host) {
                            if (node.matches?.('lightning-combobox.target')) return true;
                        }
                        return false;
                    },
                    null,
                    { timeout: 5000 },
                )
                .catch(async () => {
                    throw new Error(
                        `after the hand-over the focus is on ${JSON.stringify(await focusedElement(page)).slice(0, 200)}`,
                    );
                });
        },
    },
    {
        name: 'quick-action-enable',
        title: 'quick action: Enable Portal User on a contact without a user opens the enable flow, checked, in a modal',
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const contact = contactByName(org, 'Amara Fischer');
            await page.goto(`${page.url().split('?')[0]}?page=contact&recordId=${contact.Id}&latency=0`);
            const modal = await openQuickAction(page, helpers, 'Amara Fischer');
            const flow = modal.locator('c-enable-users');
            await helpers.expectText(
                flow.locator('.plan-table tr', { hasText: 'Amara Fischer' }),
                'Amara Fischer',
                'plan',
            );
            if ((await modal.locator('c-user-doctor-panel').count()) > 0) throw new Error('no doctor for a new user');
            // Escape in an open combobox closes its list, not the modal.
            await flow.locator('lightning-combobox.profile button, lightning-combobox.profile input').first().click();
            await page.keyboard.press('Escape');
            if (!(await modal.isVisible())) throw new Error('Escape in the open profile list must not close the modal');
            await expectModalKeepsFocus(page, modal);
        },
    },
    {
        name: 'quick-action-doctor',
        title: 'quick action: on a contact that has a user, Enable Portal User opens the user doctor for that user',
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const user = userByAlias(org, 'dvarg');
            const contact = org.Contact.find((c) => c.Id === user.ContactId);
            await page.goto(`${page.url().split('?')[0]}?page=contact&recordId=${contact.Id}&latency=0`);
            const modal = await openQuickAction(page, helpers, `${contact.FirstName} ${contact.LastName}`);
            const doctor = modal.locator('c-user-doctor-panel');
            await helpers.expectText(doctor.locator('.examined-user'), user.Name, 'the contact user examined');
            if ((await modal.locator('c-enable-users').count()) > 0)
                throw new Error('no enable flow for an existing user');
            // Escape on the inline confirmation cancels it (nothing sent), gives the focus back to
            // "Send login email" and leaves the modal open; the next Escape is the modal's.
            await doctor.locator('lightning-button.send-login-email button').click();
            await doctor.locator('.login-email-confirm').waitFor({ state: 'visible', timeout: 5000 });
            await page.keyboard.press('Escape');
            await doctor.locator('.login-email-confirm').waitFor({ state: 'detached', timeout: 5000 });
            if (!(await modal.isVisible())) throw new Error('Escape on the confirmation closed the modal');
            const focused = await page.evaluate(() => {
                let active = document.activeElement;
                while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
                for (let node = active; node; node = node.parentNode ?? node.host) {
                    if (node.classList?.contains('send-login-email')) return 'send-login-email';
                }
                return active?.outerHTML?.slice(0, 120) ?? 'nothing';
            });
            if (focused !== 'send-login-email')
                throw new Error(`after Escape the focus is not on Send login email but on ${focused}`);
            if ((await doctor.locator('c-fix-result-notice .slds-notify, .fix-done').count()) > 0)
                throw new Error('Escape sent the login email');
            await expectModalKeepsFocus(page, modal);
        },
    },
    {
        name: 'quick-action-upgrade-handover',
        title: "quick action: the doctor's Upgrade the license closes the modal and opens the assistant's License upgrades with the user",
        query: '',
        async run(page, helpers) {
            const org = sampleOrg();
            const user = userByAlias(org, 'dvarg');
            const contact = org.Contact.find((c) => c.Id === user.ContactId);
            await page.goto(`${page.url().split('?')[0]}?page=contact&recordId=${contact.Id}&latency=0`);
            const modal = await openQuickAction(page, helpers, `${contact.FirstName} ${contact.LastName}`);
            await helpers.expectText(modal.locator('.examined-user'), user.Name, 'the contact user examined');
            await modal
                .getByRole('button', { name: label('CCSA_Doctor_Upgrade') })
                .first()
                .click();
            await page.waitForURL(/c__tab=licenseUpgrades/, { timeout: 5000 });
            await expectOpenTab(page, helpers, WORKSPACE_TABS[2]);
            await helpers.expectText(
                page.locator('c-license-upgrade .candidates tr', { hasText: user.Username }),
                user.Name,
                'the user handed over',
            );
        },
    },
];
