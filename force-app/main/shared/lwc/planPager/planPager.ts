/**
 * The pager under a plan (enable users' rows, license upgrades' verdicts): previous, "page n of N"
 * and next. The parent keeps the page in its plan and derives the text; the pager only shows it and
 * asks for the previous or next page (`previous` and `next` events). The text is a polite live region:
 * the focus stays on the button, and a screen reader hears the page it turned to.
 */
import { LightningElement, api } from 'lwc';
import PLAN_PREVIOUS from '@salesforce/label/c.CCSA_Plan_Previous';
import PLAN_NEXT from '@salesforce/label/c.CCSA_Plan_Next';

export default class PlanPager extends LightningElement {
    /** The page text, e.g. "Page 2 of 5 (230 rows)". */
    @api text = '';
    /** Whether the first page is shown (previous is disabled). */
    @api isFirst = false;
    /** Whether the last page is shown (next is disabled). */
    @api isLast = false;

    readonly labels = { previous: PLAN_PREVIOUS, next: PLAN_NEXT };

    handlePrevious(): void {
        this.dispatchEvent(new CustomEvent('previous'));
    }

    handleNext(): void {
        this.dispatchEvent(new CustomEvent('next'));
    }
}
