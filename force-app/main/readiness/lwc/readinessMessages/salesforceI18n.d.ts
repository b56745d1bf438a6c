/**
 * The running user's internationalization settings (Lightning's scoped imports): the time zone
 * and locale of their Salesforce user record, as History shows times in.
 */
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}

declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}
