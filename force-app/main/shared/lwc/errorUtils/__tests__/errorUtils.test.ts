import { reduceErrors } from 'c/errorUtils';
import NETWORK_ERROR from '@salesforce/label/c.CCSA_Error_Network';
import UNKNOWN_ERROR from '@salesforce/label/c.CCSA_Error_Unknown';
import UNEXPECTED_ERROR from '@salesforce/label/c.CCSA_Error_Unexpected';
import { formatLabel } from 'c/labelFormat';

describe('reduceErrors', () => {
    it('returns nothing for no error', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors(null)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
    });

    it('reads an AuraHandledException from an imperative Apex call', () => {
        const apexError = {
            status: 500,
            statusText: 'Server Error',
            body: {
                message: 'You need the Contracts Community Setup Admin permission set.',
                exceptionType: 'System.AuraHandledException',
                isUserDefinedException: false,
                stackTrace: '',
            },
        };
        expect(reduceErrors(apexError)).toEqual(['You need the Contracts Community Setup Admin permission set.']);
    });

    it('keeps the reference of an unexpected Apex error whole, so that History finds its details', () => {
        const message = formatLabel(UNEXPECTED_ERROR, 'CCSA-3F9A0C1B2D');
        const apexError = {
            status: 500,
            statusText: 'Server Error',
            body: { message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false },
        };
        expect(reduceErrors(apexError)).toEqual(['Something went wrong. Reference: CCSA-3F9A0C1B2D']);
        expect(reduceErrors([apexError, apexError])).toEqual([message]);
    });

    it('reads DML page errors and field errors surfaced by Aura, without the summary', () => {
        const dmlError = {
            status: 400,
            body: {
                message: 'Insert failed.',
                pageErrors: [
                    {
                        statusCode: 'PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT',
                        message: 'Portal user already exists for contact',
                    },
                ],
                fieldErrors: {
                    CommunityNickname: [
                        {
                            statusCode: 'DUPLICATE_COMM_NICKNAME',
                            message: 'Nickname already exists',
                            fieldName: 'CommunityNickname',
                        },
                    ],
                    Username: [{ statusCode: 'DUPLICATE_USERNAME', message: 'Duplicate Username.' }],
                },
            },
        };
        expect(reduceErrors(dmlError)).toEqual([
            'Portal user already exists for contact',
            'Nickname already exists',
            'Duplicate Username.',
        ]);
    });

    it('reads UI API read errors, whose body is a list', () => {
        const uiApiRead = {
            status: 404,
            body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
        };
        expect(reduceErrors(uiApiRead)).toEqual(['The requested resource does not exist']);
    });

    it('reads UI API write errors with output errors and field errors', () => {
        const uiApiWrite = {
            status: 400,
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'Profile: license does not match' }],
                    fieldErrors: {
                        Email: [{ errorCode: 'INVALID_EMAIL_ADDRESS', message: 'Email: invalid email address' }],
                    },
                },
            },
        };
        expect(reduceErrors(uiApiWrite)).toEqual(['Profile: license does not match', 'Email: invalid email address']);
    });

    it('keeps the body message when a write error has no details', () => {
        expect(
            reduceErrors({ body: { message: 'Only the summary', output: { errors: [], fieldErrors: {} } } }),
        ).toEqual(['Only the summary']);
    });

    it('reads JavaScript errors and strings', () => {
        expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
        expect(reduceErrors('plain text')).toEqual(['plain text']);
        expect(reduceErrors({ body: 'text body' })).toEqual(['text body']);
    });

    it('turns network failures into the network label', () => {
        expect(reduceErrors(new TypeError('Failed to fetch'))).toEqual([NETWORK_ERROR]);
        expect(reduceErrors({ status: 0, statusText: '' })).toEqual([NETWORK_ERROR]);
        expect(reduceErrors({ body: { message: 'Disconnected or Canceled' } })).toEqual(['Disconnected or Canceled']);
        expect(reduceErrors({ message: 'Disconnected or Canceled' })).toEqual([NETWORK_ERROR]);
    });

    it('falls back to the status text, then to the unknown-error label', () => {
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
        expect(reduceErrors({ status: 500 })).toEqual([UNKNOWN_ERROR]);
        expect(reduceErrors({})).toEqual([UNKNOWN_ERROR]);
        expect(reduceErrors(42)).toEqual(['42']);
    });

    it('flattens lists of mixed shapes, trims, and keeps each message once', () => {
        const errors = [
            { body: { message: ' Same ' } },
            new Error('Same'),
            { body: [{ message: 'Other' }, { notAMessage: true }] },
            '',
            { body: { pageErrors: [{ message: '' }], fieldErrors: { A: 'not a list' } } },
        ];
        expect(reduceErrors(errors)).toEqual(['Same', 'Other', UNKNOWN_ERROR]);
    });
});
