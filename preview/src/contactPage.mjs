// A Contact record page in the preview (`?page=contact&recordId=003...`): the record's header
// with the "Enable Portal User" action, which opens the package's quick action component in a
// modal, as Lightning Experience opens a screen quick action. Without an org, this is how the
// quick action can be tried and tested end to end.
import { createElement } from 'lwc';
// lightning-focus-trap's own walk through shadow roots and slots (a private module of the base
// components: the preview is not package code).
import { findAllTabbableElements } from 'lightning-base-components/src/lightning/focusUtils/focusUtils.js';
import EnablePortalUserAction from 'c/enablePortalUserAction';
import { iconHref } from './icons';

const ACTION_LABEL = 'Enable Portal User';

function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (name === 'text') node.textContent = value;
        else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
}

function iconSvg(category, name, className) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', iconHref(category, name));
    svg.appendChild(use);
    return svg;
}

/** One read-only field of the record's details. */
function field(labelText, value) {
    return element(
        'div',
        { class: 'slds-form-element slds-form-element_readonly slds-form-element_stacked' },
        element('span', { class: 'slds-form-element__label', text: labelText }),
        element(
            'div',
            { class: 'slds-form-element__control' },
            element('div', { class: 'slds-form-element__static', text: value ?? '' }),
        ),
    );
}

/**
 * Renders the contact's record page into `container`; an unknown id shows a message instead.
 * @param container the page's app element
 * @param org the sample org
 * @param recordId the contact's id
 */
export function renderContactPage(container, org, recordId) {
    const contact = org.Contact.find((c) => c.Id === recordId || c.Id.slice(0, 15) === recordId);
    if (!contact) {
        container.append(
            element(
                'div',
                { class: 'slds-box slds-theme_default', role: 'status' },
                `No contact with the id ${recordId}.`,
            ),
        );
        return;
    }
    const name = `${contact.FirstName} ${contact.LastName}`.trim();
    const account = org.Account.find((a) => a.Id === contact.AccountId);
    document.title = `${name} | Contact (sample org)`;

    const actionButton = element('button', {
        type: 'button',
        class: 'slds-button slds-button_neutral enable-portal-user',
    });
    actionButton.textContent = ACTION_LABEL;
    const header = element(
        'div',
        { class: 'slds-page-header slds-page-header_record-home' },
        element(
            'div',
            { class: 'slds-page-header__row' },
            element(
                'div',
                { class: 'slds-page-header__col-title' },
                element(
                    'div',
                    { class: 'slds-media' },
                    element(
                        'div',
                        { class: 'slds-media__figure' },
                        element('span', { class: 'slds-icon_container slds-icon-standard-contact' }),
                    ),
                    element(
                        'div',
                        { class: 'slds-media__body' },
                        element('span', { class: 'slds-page-header__name-meta', text: 'Contact' }),
                        element('h1', { class: 'slds-page-header__title slds-truncate contact-name', text: name }),
                    ),
                ),
            ),
            element(
                'div',
                { class: 'slds-page-header__col-actions' },
                element('div', { class: 'slds-page-header__controls' }, actionButton),
            ),
        ),
    );
    header
        .querySelector('.slds-icon-standard-contact')
        .append(iconSvg('standard', 'contact', 'slds-icon slds-page-header__icon'));

    const details = element(
        'article',
        { class: 'slds-card slds-m-top_medium' },
        element(
            'div',
            { class: 'slds-card__header' },
            element('h2', { class: 'slds-card__header-title', text: 'Details' }),
        ),
        element(
            'div',
            { class: 'slds-card__body slds-card__body_inner slds-grid slds-wrap slds-gutters' },
            element(
                'div',
                { class: 'slds-col slds-size_1-of-2' },
                field('Name', name),
                field('Account Name', account?.Name),
            ),
            element(
                'div',
                { class: 'slds-col slds-size_1-of-2' },
                field('Email', contact.Email),
                field('Title', contact.Title),
            ),
        ),
    );
    container.append(header, details);
    actionButton.addEventListener('click', () => openAction(container, contact.Id, actionButton));
}

/**
 * The screen quick action in a modal dialog; Close, Escape (or the action's own close event) ends
 * it and gives the focus back to `opener`. While it is open, it is modal as Lightning's dialogs
 * are (WCAG 2.1.2, 2.4.3): the page behind is `inert`, and the focus stays inside. Tab from the
 * last control goes to the first and Shift+Tab from the first to the last, through bookends as
 * lightning-focus-trap has (the controls live in the components' shadow roots, which
 * findAllTabbableElements walks); focus that still lands outside is brought back in.
 */
function openAction(container, recordId, opener) {
    const headingId = 'enable-portal-user-heading';
    const close = element('button', {
        type: 'button',
        class: 'slds-button slds-button_icon slds-modal__close slds-button_icon-inverse',
        title: 'Cancel and close',
    });
    close.append(
        iconSvg('utility', 'close', 'slds-button__icon slds-button__icon_large'),
        element('span', { class: 'slds-assistive-text', text: 'Cancel and close' }),
    );
    const body = element('div', { class: 'slds-modal__content slds-p-around_medium' });
    const action = createElement('c-enable-portal-user-action', { is: EnablePortalUserAction });
    action.recordId = recordId;
    body.append(action);
    const content = element(
        'div',
        { class: 'slds-modal__container' },
        close,
        element(
            'div',
            { class: 'slds-modal__header' },
            element('h1', { id: headingId, class: 'slds-modal__title slds-hyphenate', text: ACTION_LABEL }),
        ),
        body,
    );
    const modal = element('section', {
        role: 'dialog',
        tabindex: '-1',
        'aria-modal': 'true',
        'aria-labelledby': headingId,
        class: 'slds-modal slds-fade-in-open slds-modal_medium quick-action-modal',
    });
    const focusInside = (which) => {
        const tabbable = findAllTabbableElements(content);
        const target = which === 'last' ? tabbable[tabbable.length - 1] : tabbable[0];
        (target ?? modal).focus();
    };
    const bookend = (which) => {
        const node = element('div', { tabindex: '0', class: `quick-action-modal__bookend-${which}` });
        node.addEventListener('focus', () => focusInside(which === 'start' ? 'last' : 'first'));
        return node;
    };
    modal.append(bookend('start'), content, bookend('end'));
    const backdrop = element('div', { class: 'slds-backdrop slds-backdrop_open', role: 'presentation' });
    const toasts = document.querySelector('.slds-notify_container');

    // The page behind: every other top-level region (the sample-org banner, the header, the
    // record page) is inert; toasts stay live, as Lightning shows them above a modal.
    const madeInert = [...document.body.children].filter(
        (node) => node !== toasts && node.localName !== 'script' && !node.inert,
    );
    const onKeydown = (event) => {
        // Escape from anywhere (also after a click on the backdrop took the focus to <body>); a
        // control that handles Escape itself (an open combobox, an edited cell) stops it first.
        if (event.key === 'Escape' && !event.defaultPrevented) dismiss();
        // From the dialog itself (focused when it opens), Tab would meet the start bookend first
        // and Shift+Tab would leave backwards: first and last control instead.
        if (event.key === 'Tab' && document.activeElement === modal) {
            event.preventDefault();
            focusInside(event.shiftKey ? 'last' : 'first');
        }
    };
    const onFocusin = (event) => {
        const path = event.composedPath();
        if (!path.includes(modal) && !(toasts && path.includes(toasts))) focusInside('first');
    };
    const dismiss = () => {
        if (!modal.isConnected) return;
        document.removeEventListener('keydown', onKeydown);
        document.removeEventListener('focusin', onFocusin);
        for (const node of madeInert) node.inert = false;
        modal.remove();
        backdrop.remove();
        opener.focus();
    };
    close.addEventListener('click', dismiss);
    modal.addEventListener('close', dismiss);
    for (const node of madeInert) node.inert = true;
    document.body.append(modal, backdrop);
    document.addEventListener('keydown', onKeydown);
    document.addEventListener('focusin', onFocusin);
    modal.focus();
}
