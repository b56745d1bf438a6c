/**
 * Sample org implementation of `SetupAssistantController` (force-app/main/shared/classes):
 * each export replaces `@salesforce/apex/SetupAssistantController.<method>` in the preview.
 */
import { apexMethod } from '../apexMethod';
import { assertAdmin, capabilities } from '../guard';
import { roleById } from '../org';
import { currentSession } from '../session';

type AssistantContext = Apex.AssistantContextService.AssistantContext;

/**
 * As `AssistantContextService.getContext()`: roleName stays unset (absent) without a role, or
 * without the permission to read it; the capabilities say what this admin can use.
 */
export const getAssistantContext: typeof import('@salesforce/apex/SetupAssistantController.getAssistantContext').default =
    apexMethod<void, AssistantContext>(() => {
        const session = currentSession();
        assertAdmin(session);
        const { org, user } = session;
        const context: AssistantContext = {
            userId: user.Id,
            userName: user.Name,
            organizationId: org.Organization.Id,
            organizationName: org.Organization.Name,
            hasRole: user.UserRoleId !== null,
            capabilities: capabilities(session),
        };
        // As the Apex: the role's name is read only with "View Roles and Role Hierarchy".
        const canViewRoles = !context.capabilities.some((c) => c.missingRequirements.includes('VIEW_ROLES'));
        const role = canViewRoles ? roleById(org, user.UserRoleId) : undefined;
        if (role) {
            context.roleName = role.Name;
        }
        return context;
    });
