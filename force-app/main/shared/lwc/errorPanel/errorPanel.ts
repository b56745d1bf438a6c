import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errorUtils';
import ERROR_TITLE from '@salesforce/label/c.CCSA_Error_Title';
import SHOW_DETAILS from '@salesforce/label/c.CCSA_Error_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.CCSA_Error_Hide_Details';

/**
 * The one place the UI shows errors: any error shape (see `c/errorUtils`), a friendly title,
 * and the platform's own messages behind a details toggle when there are several.
 */
export default class ErrorPanel extends LightningElement {
    /** The error, or list of errors, of any shape. */
    @api errors: unknown;
    /** A sentence that says what failed, in the admin's terms; the default is generic. */
    @api friendlyMessage?: string;

    showDetails = false;

    get heading(): string {
        return this.friendlyMessage || ERROR_TITLE;
    }

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    /** One message is shown as it is; several are listed behind a toggle. */
    get singleMessage(): string | undefined {
        return this.messages.length === 1 ? this.messages[0] : undefined;
    }

    get hasSeveral(): boolean {
        return this.messages.length > 1;
    }

    get toggleLabel(): string {
        return this.showDetails ? HIDE_DETAILS : SHOW_DETAILS;
    }

    get toggleExpanded(): string {
        return String(this.showDetails);
    }

    handleToggle(): void {
        this.showDetails = !this.showDetails;
    }
}
