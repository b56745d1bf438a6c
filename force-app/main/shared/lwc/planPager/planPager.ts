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

    /** The button last used, while its page is being shown. */
    private turned?: 'previous' | 'next';

    handlePrevious(): void {
        this.turned = 'previous';
        this.dispatchEvent(new CustomEvent('previous'));
    }

    handleNext(): void {
        this.turned = 'next';
        this.dispatchEvent(new CustomEvent('next'));
    }

    /**
     * Next onto the last page (or Previous onto the first) disables the button that had the focus,
     * and the browser drops the focus to the page: it goes to the other button, which turns back.
     */
    override renderedCallback(): void {
        const turned = this.turned;
        this.turned = undefined;
        const ended = (turned === 'next' && this.isLast) || (turned === 'previous' && this.isFirst);
        if (!ended) {
            return;
        }
        const other = this.template?.querySelector<HTMLElement & { focus: () => void }>(
            turned === 'next' ? 'lightning-button-icon.previous-page' : 'lightning-button-icon.next-page',
        );
        other?.focus();
    }
}
