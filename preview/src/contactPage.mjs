// A Contact record page in the preview (`?page=contact&recordId=003...`): the record's header
// with the "Enable Portal User" action, which opens the package's quick action component in a
// modal, as Lightning Experience opens a screen quick action. Without an org, this is how the
// quick action can be tried and tested end to end.
import { createElement } from 'lwc';
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

/** The screen quick action in a modal dialog; Close (or the action's own close event) ends it. */
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
    const modal = element(
        'section',
        {
            role: 'dialog',
            tabindex: '-1',
            'aria-modal': 'true',
            'aria-labelledby': headingId,
            class: 'slds-modal slds-fade-in-open slds-modal_medium quick-action-modal',
        },
        element(
            'div',
            { class: 'slds-modal__container' },
            close,
            element(
                'div',
                { class: 'slds-modal__header' },
                element('h1', { id: headingId, class: 'slds-modal__title slds-hyphenate', text: ACTION_LABEL }),
            ),
            body,
        ),
    );
    const backdrop = element('div', { class: 'slds-backdrop slds-backdrop_open', role: 'presentation' });
    const dismiss = () => {
        modal.remove();
        backdrop.remove();
        opener.focus();
    };
    close.addEventListener('click', dismiss);
    modal.addEventListener('close', dismiss);
    modal.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') dismiss();
    });
    document.body.append(modal, backdrop);
    modal.focus();
}
