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

type AssistantContext = Apex.AssistantContextService.AssistantContext;

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

    /** Salesforce requires a role on the owner of any account whose contacts become portal users. */
    get showRoleWarning(): boolean {
        return this.context?.hasRole === false;
    }
}
