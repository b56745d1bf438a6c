/**
 * The run fields a panel that runs a plan (enable users, license changes) shows through
 * `c-run-bar` and `c-run-results`, and the events it sends when a run ends or hands over to a job.
 * Each panel keeps these fields and applies a transition with `Object.assign(this, startedRun())`;
 * what else a run changes (the rows, the errors it found) stays with the panel. Pure: no Apex, and
 * the events are built, not sent.
 */
import type { JobKind } from 'c/jobState';

/** What every run resets as it starts. */
export interface StartedRun {
    /** Actions wait: Run, Retry, Check or Validate are disabled. */
    busy: true;
    /** The progress bar shows. */
    running: true;
    /** 0 to 100, when no step count is known. */
    progress: 0;
    /** The step the run is in, and its "n of N". */
    step: '';
    stepDone: 0;
    stepTotal: 0;
    /** The last run's errors go. */
    runErrors: undefined;
}

/** What every run clears as it ends, or as it hands its rows to a job. */
export interface StoppedRun {
    busy: false;
    running: false;
}

/** What the panel ran: as `jobState`'s kinds, in the words of the `runcompleted` event. */
export type RunKind = 'enableUsers' | 'licenseChange';

export function startedRun(): StartedRun {
    return { busy: true, running: true, progress: 0, step: '', stepDone: 0, stepTotal: 0, runErrors: undefined };
}

export function stoppedRun(): StoppedRun {
    return { busy: false, running: false };
}

/** The guard a panel holds while its run sends chunks from the browser (`unloadGuard`). */
export interface UnloadGuard {
    hold(): void;
    release(): void;
}

/**
 * Asks the browser to confirm leaving or reloading the page while a run sends its chunks from it:
 * the chunks not sent yet would never run (admin re-walk: a reload mid-run said nothing). A job on
 * the platform needs no guard: it runs on without the page. The browser shows its own words
 * ("Leave site? Changes you made may not be saved."); a page may not choose them (HTML standard,
 * "beforeunload": the event's returnValue only asks for the prompt).
 * @returns the guard: `hold` when the run starts, `release` when it ends (both idempotent)
 */
export function unloadGuard(): UnloadGuard {
    let held = false;
    const ask = (event: BeforeUnloadEvent): void => {
        event.preventDefault();
        // Chromium before 119 asks only when returnValue is set.
        event.returnValue = '';
    };
    return {
        hold(): void {
            if (!held && typeof window !== 'undefined') {
                held = true;
                window.addEventListener('beforeunload', ask);
            }
        },
        release(): void {
            if (held && typeof window !== 'undefined') {
                held = false;
                window.removeEventListener('beforeunload', ask);
            }
        },
    };
}

/**
 * `runcompleted`: bubbles and composed, so that the shell refreshes History and the lists that
 * show users.
 * @param kind what ran
 * @param userIds the users the run created or changed
 */
export function runCompletedEvent(kind: RunKind, userIds: string[]): CustomEvent<{ kind: RunKind; userIds: string[] }> {
    return new CustomEvent('runcompleted', { detail: { kind, userIds }, bubbles: true, composed: true });
}

/**
 * `jobstarted`: bubbles and composed, so that the shell's jobs panel follows the job that a large
 * run started.
 * @param kind the job's kind
 * @param jobId the job record
 */
export function jobStartedEvent(kind: JobKind, jobId: string): CustomEvent<{ kind: JobKind; jobId: string }> {
    return new CustomEvent('jobstarted', { detail: { kind, jobId }, bubbles: true, composed: true });
}

/**
 * The element that has the focus, inside the shadow roots it is in (`document.activeElement` is
 * the outermost host).
 */
function deepActiveElement(): Element | null {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
        active = active.shadowRoot.activeElement;
    }
    return active;
}

/**
 * Whether an element sits in a panel hidden by SLDS (`slds-hide`) or the `hidden` attribute,
 * through the shadow roots it is in: a button whose tab closed (the doctor's "Upgrade the
 * license" opens License upgrades) keeps the focus until the browser drops it to the body.
 * @param element the element
 * @returns true when an ancestor hides it
 */
function inHiddenPanel(element: Element): boolean {
    let node: Element | null = element;
    while (node) {
        if (node.classList?.contains('slds-hide') || node.hasAttribute?.('hidden')) {
            return true;
        }
        const parent: Element | null = node.parentElement;
        node = parent ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    }
    return false;
}

/**
 * After an action whose button was disabled while it worked (Check, Validate, Run, a job's Cancel
 * or Resume): the browser then drops the focus to the page's body, at its next rendering update,
 * after the panel rendered, so a button still focused but disabled (or gone, or in a panel now
 * hidden) counts as lost too.
 * This puts it on the first of `selectors` found in `root`, only when it was lost (an admin who
 * moved on keeps theirs).
 * @param root the panel's template
 * @param selectors where the focus may land, in order of preference
 * @returns whether it moved the focus
 */
export function focusIfLost(root: ParentNode | null | undefined, selectors: readonly string[]): boolean {
    const active = deepActiveElement();
    const lost =
        !active ||
        active === document.body ||
        !active.isConnected ||
        (active as HTMLButtonElement).disabled === true ||
        inHiddenPanel(active);
    if (!lost) {
        return false;
    }
    for (const selector of selectors) {
        const target = root?.querySelector<HTMLElement>(selector);
        if (target) {
            target.focus();
            return true;
        }
    }
    return false;
}

/**
 * After the pager under a long list turned the page: the list's start, when it is above the
 * window (the admin clicked the pager at the bottom of the page before), comes into view, so that
 * the new page is read from its first row, not from its last. Nothing moves when the start is in
 * view; the focus stays on the pager (Next again turns the next page). The element's
 * `scroll-margin-top` keeps it clear of a fixed header (Lightning Experience's) and is also the
 * line under which its start counts as hidden.
 * @param element the list's first element (the table, the first row)
 * @returns whether it scrolled
 */
export function revealStart(element: Element | null | undefined): boolean {
    if (!element || typeof element.scrollIntoView !== 'function') {
        return false;
    }
    const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    if (element.getBoundingClientRect().top >= margin) {
        return false;
    }
    element.scrollIntoView({ block: 'start' });
    return true;
}
