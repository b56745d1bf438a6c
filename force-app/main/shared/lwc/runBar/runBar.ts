/**
 * The bar under a plan that runs it (enable users, license changes): the Run button, "Enable (or
 * Change) the N that fit" when the seats allow only some rows, why Run stays disabled after a run,
 * and what the panel says about the job a large run started. The panel keeps the plan and derives
 * every value; the bar only shows them and asks for a run (`run` and `runfit` events). The panel's
 * own lines (enable users: edits not saved) go in the default slot, under the buttons.
 */
import { LightningElement, api } from 'lwc';
import RUN_LOCKED from '@salesforce/label/c.CCSA_Run_Locked';

export default class RunBar extends LightningElement {
    /** The Run button's label ("Enable users", "Change licenses"). */
    @api runLabel = '';
    /** Run is disabled: each panel has its own conditions. */
    @api runDisabled = false;
    /** Whether "… the N that fit" is offered. */
    @api canFit = false;
    /** "Enable the 3 that fit", "Change the 3 that fit". */
    @api fitLabel = '';
    /** A run happened since the last Check or Validate and none runs now: Run stays disabled, and the bar says why. */
    @api locked = false;
    /** Why Run stays disabled after a run, in the panel's words (its Check or its Validate). */
    @api lockedText = '';
    /** The job a large run started (started, or stopped midway); empty for none. */
    @api jobNotice = '';
    /** The buttons keep a small top margin (enable users: under the plan table). */
    @api spaced = false;

    readonly labels = { runLocked: RUN_LOCKED };

    get lockedLine(): string {
        return this.lockedText || RUN_LOCKED;
    }

    get runClass(): string {
        return this.spaced ? 'run slds-m-top_small' : 'run';
    }

    get fitClass(): string {
        return this.spaced ? 'run-fit slds-m-top_small slds-m-left_small' : 'run-fit slds-m-left_small';
    }

    handleRun(): void {
        this.dispatchEvent(new CustomEvent('run'));
    }

    handleRunFit(): void {
        this.dispatchEvent(new CustomEvent('runfit'));
    }
}
