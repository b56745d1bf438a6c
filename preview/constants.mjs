// Shared by the preview build, its server and the e2e tests. The preview lives outside the
// package, so its own texts are constants here rather than Custom Labels.

/** The banner that says, on every screen, that nothing here touches a Salesforce org. */
export const SAMPLE_ORG_BANNER = 'Sample org — local preview, no Salesforce connection';

export const DEFAULT_PORT = 3000;
