import { LightningElement, wire } from 'lwc';
import getAssistantContext from '@salesforce/apex/SetupAssistantController.getAssistantContext';
import { CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import { formatLabel } from 'c/labelFormat';
import { contactIdsFromState } from 'c/enablementRun';
import APP_TITLE from '@salesforce/label/c.CCSA_App_Title';
import APP_TAGLINE from '@salesforce/label/c.CCSA_App_Tagline';
import LOADING from '@salesforce/label/c.CCSA_Loading';
import RUNNING_AS from '@salesforce/label/c.CCSA_Running_As';
import ROLE_PRESENT from '@salesforce/label/c.CCSA_Role_Present';
import ROLE_MISSING_TITLE from '@salesforce/label/c.CCSA_Role_Missing_Title';
import ROLE_MISSING_BODY from '@salesforce/label/c.CCSA_Role_Missing_Body';
import ROLE_MISSING_LINK from '@salesforce/label/c.CCSA_Role_Missing_Link';
import CONTEXT_ERROR from '@salesforce/label/c.CCSA_Context_Error';
import CAPABILITIES_TITLE from '@salesforce/label/c.CCSA_Capabilities_Title';
import CAPABILITIES_BODY from '@salesforce/label/c.CCSA_Capabilities_Body';
import CAPABILITY_ITEM from '@salesforce/label/c.CCSA_Capability_Item';

type AssistantContext = Apex.AssistantContextService.AssistantContext;
type Capability = Apex.SetupAssistantCapabilities.Capability;

/** Whether a section's capability can be used, and what to show instead when it cannot. */
interface SectionState {
    available: boolean;
    message?: string | null;
}

/** Setup page where an admin gives a user a role (Setup > Users). */
const USERS_SETUP_PATH = '/lightning/setup/ManageUsers/home';

/**
 * The Setup Assistant tab: the header with who runs the assistant and in which org, and the
 * capability sections as they are built. It holds no rules of its own.
 */
export default class SetupAssistant extends LightningElement {
    labels = {
        title: APP_TITLE,
        tagline: APP_TAGLINE,
        loading: LOADING,
        roleMissingTitle: ROLE_MISSING_TITLE,
        roleMissingBody: ROLE_MISSING_BODY,
        roleMissingLink: ROLE_MISSING_LINK,
        contextError: CONTEXT_ERROR,
        capabilitiesTitle: CAPABILITIES_TITLE,
        capabilitiesBody: CAPABILITIES_BODY,
    };

    usersSetupUrl = USERS_SETUP_PATH;
    context?: AssistantContext;
    error?: unknown;

    @wire(getAssistantContext)
    wiredContext({ data, error }: ApexWireResult<AssistantContext>): void {
        this.context = data;
        this.error = error;
    }

    /** Contacts handed over by the "Enable as Portal Users" list view button (`c__contactIds`). */
    handedOverContactIds: string[] = [];

    @wire(CurrentPageReference)
    wiredPageReference(pageReference?: PageReference): void {
        this.handedOverContactIds = contactIdsFromState(pageReference?.state);
    }

    get isLoading(): boolean {
        return !this.context && !this.error;
    }

    get runningAs(): string {
        return this.context ? formatLabel(RUNNING_AS, this.context.userName, this.context.organizationName) : '';
    }

    get roleText(): string {
        return this.context?.roleName ? formatLabel(ROLE_PRESENT, this.context.roleName) : '';
    }

    /** The user doctor hands a user on another license over: the license upgrade section is brought into view. */
    handleDoctorUpgrade(): void {
        this.template?.querySelector('section.license-upgrade')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }

    /** The capabilities this admin cannot use, each with the Salesforce permissions it lacks. */
    get unavailableCapabilities(): Array<{ name: string; text: string }> {
        return (this.context?.capabilities ?? [])
            .filter((capability) => !capability.available)
            .map((capability) => ({
                name: capability.name,
                text: formatLabel(CAPABILITY_ITEM, capability.label, capability.missingPermissions.join('; ')),
            }));
    }

    get showCapabilityNotice(): boolean {
        return this.unavailableCapabilities.length > 0;
    }

    /**
     * Per capability, whether its section can load: a section the admin cannot use shows the
     * reason (the message Apex would throw) instead of a panel whose first call would fail.
     * A capability the context does not mention is treated as available; Apex still checks it.
     */
    get sections(): Record<string, SectionState> {
        const byName = new Map<string, Capability>(
            (this.context?.capabilities ?? []).map((capability) => [capability.name, capability]),
        );
        const state = (name: string): SectionState => {
            const capability = byName.get(name);
            return { available: capability?.available ?? true, message: capability?.message };
        };
        return {
            readiness: state('READINESS'),
            enableUsers: state('ENABLE_USERS'),
            userDoctor: state('USER_DOCTOR'),
            licenseUpgrades: state('LICENSE_UPGRADES'),
            history: state('HISTORY'),
        };
    }

    /** Salesforce requires a role on the owner of any account whose contacts become portal users. */
    get showRoleWarning(): boolean {
        return this.context?.hasRole === false;
    }
}
