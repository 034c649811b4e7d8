import { inject } from '@angular/core';
import { type Routes } from '@angular/router';
import { Permission } from '@depot/contracts';

import { permissionGuard } from '../../core/auth/permission.guard';
import { AuthService } from '../../core/auth/auth.service';
import { ADMIN_NAV_ITEMS } from '../../core/layout/nav-items';

/**
 * `/admin/...`: users, roles, API keys, logs, webhooks, outgoing mail, operations, company settings
 * and the development mailbox. Each checks its permission.
 */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    // The first admin page this user may open (the 403 page when there is none).
    redirectTo: () => {
      const auth = inject(AuthService);
      return ADMIN_NAV_ITEMS.find((item) => auth.hasPermission(item.permission))?.path ?? '/forbidden';
    },
  },
  {
    path: 'users',
    canActivate: [permissionGuard(Permission.IdentityUsersRead)],
    children: [
      {
        path: '',
        title: 'Users',
        loadComponent: () => import('./users/list/user-list.component').then((m) => m.UserListComponent),
      },
      {
        path: 'new',
        title: 'New user',
        canActivate: [permissionGuard(Permission.IdentityUsersManage)],
        loadComponent: () => import('./users/update/user-form.component').then((m) => m.UserFormComponent),
      },
      {
        path: ':id',
        title: 'User',
        loadComponent: () => import('./users/detail/user-detail.component').then((m) => m.UserDetailComponent),
      },
      {
        path: ':id/edit',
        title: 'Edit user',
        canActivate: [permissionGuard(Permission.IdentityUsersManage)],
        loadComponent: () => import('./users/update/user-form.component').then((m) => m.UserFormComponent),
      },
    ],
  },
  {
    path: 'roles',
    canActivate: [permissionGuard(Permission.IdentityRolesRead)],
    children: [
      {
        path: '',
        title: 'Roles',
        loadComponent: () => import('./roles/list/role-list.component').then((m) => m.RoleListComponent),
      },
      {
        path: 'new',
        title: 'New role',
        canActivate: [permissionGuard(Permission.IdentityRolesManage)],
        loadComponent: () => import('./roles/update/role-editor.component').then((m) => m.RoleEditorComponent),
      },
      {
        path: ':id',
        title: 'Role',
        loadComponent: () => import('./roles/update/role-editor.component').then((m) => m.RoleEditorComponent),
      },
    ],
  },
  {
    path: 'api-keys',
    title: 'API keys',
    canActivate: [permissionGuard(Permission.IdentityApiKeysManage)],
    loadComponent: () => import('./api-keys/list/api-key-list.component').then((m) => m.ApiKeyListComponent),
  },
  {
    path: 'security-log',
    title: 'Security log',
    canActivate: [permissionGuard(Permission.IdentitySecurityLogRead)],
    data: { source: 'security' },
    loadComponent: () => import('./audit/list/audit-list.component').then((m) => m.AuditListComponent),
  },
  {
    path: 'audit-log',
    title: 'Audit log',
    canActivate: [permissionGuard(Permission.AuditRead)],
    data: { source: 'audit' },
    loadComponent: () => import('./audit/list/audit-list.component').then((m) => m.AuditListComponent),
  },
  {
    path: 'webhooks',
    canActivate: [permissionGuard(Permission.NotificationsWebhooksManage)],
    children: [
      {
        path: '',
        title: 'Webhooks',
        loadComponent: () => import('./webhooks/list/webhook-list.component').then((m) => m.WebhookListComponent),
      },
      {
        path: ':id',
        title: 'Webhook',
        loadComponent: () => import('./webhooks/detail/webhook-detail.component').then((m) => m.WebhookDetailComponent),
      },
    ],
  },
  {
    path: 'mail',
    title: 'Outgoing mail',
    canActivate: [permissionGuard(Permission.MailMessagesRead)],
    loadComponent: () => import('./mail/list/mail-message-list.component').then((m) => m.MailMessageListComponent),
  },
  {
    path: 'operations',
    title: 'Operations',
    canActivate: [permissionGuard(Permission.OperationsStatusRead)],
    loadComponent: () => import('./operations/operations-page.component').then((m) => m.OperationsPageComponent),
  },
  {
    path: 'settings',
    title: 'Company settings',
    canActivate: [permissionGuard(Permission.SettingsCompanyManage)],
    loadComponent: () => import('./settings/company-settings.component').then((m) => m.CompanySettingsComponent),
  },
  {
    path: 'mailbox',
    title: 'Development mailbox',
    canActivate: [permissionGuard(Permission.DevMailboxRead)],
    loadComponent: () => import('./mailbox/mailbox.component').then((m) => m.MailboxComponent),
  },
];
