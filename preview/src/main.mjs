// Entry of the local preview bundle. Synthetic shadow must load before any component: the
// base components are written against it (lightning-base-components README).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import configProviderService from 'lightning/configProvider';
import SetupAssistant from 'c/setupAssistant';
import { sampleOrg } from '../sample-org/org';
import { seedHistoricalLogs } from '../sample-org/data/generate';
import { installToastContainer } from './toasts.mjs';
import { renderContactPage } from './contactPage.mjs';
import * as LicenseUpgradeController from '../sample-org/apex/LicenseUpgradeController';
import * as ReadinessController from '../sample-org/apex/ReadinessController';
import * as UserDoctorController from '../sample-org/apex/UserDoctorController';
import * as UserSetupController from '../sample-org/apex/UserSetupController';

// Base components build icon and asset URLs from the path prefix: serve from wherever the
// page is (http://localhost:3000/ or a sub-folder).
const pathPrefix = new URL('.', document.baseURI).pathname.replace(/\/$/, '');
configProviderService({ getPathPrefix: () => pathPrefix });

// The preview's stand-in for calling the @AuraEnabled methods directly, as anyone can from the
// browser's developer tools: the e2e sends hostile requests through it and shows that the sample
// org refuses them as SetupAssistantPolicy does (docs/SECURITY.md). Not part of the package.
window.ccsaDirectApex = { LicenseUpgradeController, ReadinessController, UserDoctorController, UserSetupController };

// The org has been in use: the History panel opens on a few earlier changes.
seedHistoricalLogs(sampleOrg);
installToastContainer(document.body);
renderRunAs(document.getElementById('run-as'));
renderGiveRoles(document.getElementById('give-roles'));

// `?page=contact&recordId=003...` is a Contact record page with the "Enable Portal User" quick
// action; any other URL is the Setup Assistant tab.
const params = new URLSearchParams(window.location.search);
if (params.get('page') === 'contact') {
    renderContactPage(document.getElementById('app'), sampleOrg, params.get('recordId') ?? '');
} else {
    // Marks for `npm run bench:ui`: how much of the first render is the shell's first mount.
    performance.mark('preview:mount-start');
    const app = createElement('c-setup-assistant', { is: SetupAssistant });
    document.getElementById('app').appendChild(app);
    performance.mark('preview:mount-end');
}

/**
 * The "Run as" picker in the sample-org banner: reloads the page with `?as=<alias>` so that
 * the assistant can be tried as each of the org's internal users.
 */
function renderRunAs(select) {
    if (!select) {
        return;
    }
    const current = new URLSearchParams(window.location.search).get('as') ?? '';
    const defaultUser = sampleOrg.User.find((u) => u.Id === sampleOrg.defaultRunningUserId);
    const internal = sampleOrg.User.filter((u) => u.UserType === 'Standard' && u.IsActive);
    for (const user of internal) {
        const option = document.createElement('option');
        option.value = user === defaultUser ? '' : user.Alias;
        option.textContent = `${user.Name} (${user.Alias})`;
        option.selected =
            option.value === current.toLowerCase() ||
            (current !== '' && user.Id.toLowerCase() === current.toLowerCase());
        select.appendChild(option);
    }
    select.addEventListener('change', () => {
        const params = new URLSearchParams(window.location.search);
        if (select.value) {
            params.set('as', select.value);
        } else {
            params.delete('as');
        }
        const query = params.toString();
        window.location.search = query ? `?${query}` : '';
    });
}

/**
 * A stand-in for the admin's fix in Setup > Users: gives every active internal user without a
 * role the running admin's role (or the first internal role), so that accounts they own can have
 * portal users. The page keeps the change until it reloads, as the rest of the sample org does.
 */
function renderGiveRoles(button) {
    if (!button) {
        return;
    }
    button.addEventListener('click', () => {
        const admin = sampleOrg.User.find((u) => u.Id === sampleOrg.defaultRunningUserId);
        const role = admin?.UserRoleId ?? sampleOrg.UserRole.find((r) => !r.PortalAccountId)?.Id;
        const fixed = sampleOrg.User.filter((u) => u.UserType === 'Standard' && u.IsActive && !u.UserRoleId);
        for (const user of fixed) {
            user.UserRoleId = role;
        }
        button.textContent = `Setup: ${fixed.length} users were given a role`;
        button.disabled = true;
    });
}
