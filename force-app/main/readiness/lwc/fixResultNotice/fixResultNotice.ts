import { LightningElement, api } from 'lwc';
import OPEN_SETUP from '@salesforce/label/c.CCSA_Readiness_Open_Setup';
import { setupLinkLabel } from 'c/readinessMessages';
import FIX_REFUSED_TITLE from '@salesforce/label/c.CCSA_Readiness_Fix_Refused_Title';

type FixResult = Apex.ReadinessFixService.FixResult;

/**
 * The outcome of a Fix button, shown the same way by the readiness checklist and the user doctor:
 * what was done, or the platform's refusal with the Setup page where the admin does it by hand.
 */
export default class FixResultNotice extends LightningElement {
    /** The fix's result; nothing is shown without one. */
    @api result?: FixResult;

    labels = { openSetup: OPEN_SETUP, fixRefusedTitle: FIX_REFUSED_TITLE };

    get done(): boolean {
        return !!this.result && this.result.ok;
    }

    get refused(): boolean {
        return !!this.result && !this.result.ok;
    }

    /** The Setup link's accessible name: which page it opens. */
    get setupLinkLabel(): string {
        return setupLinkLabel(this.result?.setupUrl);
    }
}
