import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  BUILT_IN_ROLE_PERMISSIONS,
  BuiltInRole,
  ErrorCode,
  Permission,
  UserStatus,
  type RoleDto,
  type SessionDto,
  type UserDto,
} from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { RecordHistoryComponent } from '../../../../shared/history/record-history.component';
import { SessionTableComponent } from '../../../../shared/identity/session-table.component';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header/page-header.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { RolesService } from '../../roles/data-access/roles.service';
import { UsersService } from '../data-access/users.service';

/** A role to offer in the roles editor (all roles from the API, or the built-in ones). */
interface RoleOption {
  name: string;
  description: string;
}

/**
 * One user: their roles (editable with `identity.users.manage`), disable/enable, MFA reset, and
 * their sessions (with `identity.sessions.manage`).
 */
@Component({
  selector: 'app-user-detail',
  imports: [
    PageHeaderComponent,
    RouterLink,
    DateTimePipe,
    MatButton,
    MatAnchor,
    MatCheckbox,
    MatProgressBar,
    IconComponent,
    SessionTableComponent,
    RecordHistoryComponent,
  ],
  templateUrl: './user-detail.component.html',
  styleUrl: './user-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetailComponent {
  readonly #users = inject(UsersService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), {
    requireSync: true,
  });
  protected readonly canManage = computed(() => this.#auth.permissions().has(Permission.IdentityUsersManage));
  protected readonly canManageSessions = computed(() =>
    this.#auth.permissions().has(Permission.IdentitySessionsManage),
  );
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly isSelf = computed(() => this.#auth.currentUser()?.id === this.user()?.id);

  protected readonly user = signal<UserDto | null>(null);
  protected readonly headerStatus = computed(() => {
    const user = this.user();
    return user ? (user.status === 'active' ? 'Active' : 'Disabled') : null;
  });
  protected readonly loadState = signal<'loading' | 'ready' | 'not-found' | 'failed'>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly rolesConflict = signal(false);

  protected readonly roleOptions = signal<RoleOption[]>(
    Object.values(BuiltInRole).map((name) => ({
      name,
      description: `${BUILT_IN_ROLE_PERMISSIONS[name].length} permissions`,
    })),
  );
  /** The roles ticked in the editor (saved with "Save roles"). */
  protected readonly selectedRoles = signal<ReadonlySet<string>>(new Set());
  protected readonly rolesChanged = computed(() => {
    const saved = this.user()?.roles ?? [];
    const selected = this.selectedRoles();
    return saved.length !== selected.size || saved.some((role) => !selected.has(role));
  });

  protected readonly sessions = signal<SessionDto[]>([]);
  protected readonly sessionsLoading = signal(false);

  constructor() {
    if (this.#auth.hasPermission(Permission.IdentityRolesRead)) {
      inject(RolesService)
        .list()
        .subscribe({
          next: (roles: RoleDto[]) =>
            this.roleOptions.set(
              roles.map((role) => ({
                name: role.name,
                description: role.description || `${role.permissions.length} permissions`,
              })),
            ),
          error: () => undefined,
        });
    }
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.#load(id);
        if (this.canManageSessions()) {
          this.#loadSessions(id);
        }
      });
    });
  }

  protected toggleRole(name: string, checked: boolean): void {
    const next = new Set(this.selectedRoles());
    if (checked) {
      next.add(name);
    } else {
      next.delete(name);
    }
    this.selectedRoles.set(next);
  }

  protected saveRoles(): void {
    const user = this.user();
    if (!user) {
      return;
    }
    const roles = this.roleOptions()
      .map((role) => role.name)
      .filter((name) => this.selectedRoles().has(name));
    this.#run(this.#users.setRoles(user.id, { version: user.version, roles }), (saved) => {
      this.#apply(saved);
      this.#snackBar.open(`Saved the roles of ${saved.email}.`, 'Dismiss', { duration: 4000 });
      if (this.isSelf()) {
        this.#auth.reloadCurrentUser().subscribe({ error: () => undefined });
      }
    });
  }

  protected resetRoles(): void {
    this.selectedRoles.set(new Set(this.user()?.roles ?? []));
  }

  protected reloadLatest(): void {
    this.#load(this.id());
  }

  protected toggleStatus(): void {
    const user = this.user();
    if (!user) {
      return;
    }
    const disable = user.status === UserStatus.Active;
    openConfirmDialog(this.#dialog, {
      title: disable ? `Disable ${user.email}?` : `Enable ${user.email}?`,
      message: disable
        ? 'They are signed out everywhere at once and cannot sign in until enabled again. Their API keys stop working.'
        : 'They can sign in again with their password.',
      confirmLabel: disable ? 'Disable user' : 'Enable user',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.#run(disable ? this.#users.disable(user.id) : this.#users.enable(user.id), (saved) => {
        this.#apply(saved);
        this.#snackBar.open(disable ? `Disabled ${saved.email}.` : `Enabled ${saved.email}.`, 'Dismiss', {
          duration: 4000,
        });
        if (this.canManageSessions()) {
          this.#loadSessions(saved.id);
        }
      });
    });
  }

  protected resetMfa(): void {
    const user = this.user();
    if (!user) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: 'Reset two-factor authentication?',
      message: `${user.email} can then sign in with the password alone and should set up a new authenticator app. Do this only after checking who asked, e.g. for a lost phone.`,
      confirmLabel: 'Reset two-factor',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.#run(this.#users.resetMfa(user.id), () => {
        this.#snackBar.open(`Two-factor authentication of ${user.email} was reset.`, 'Dismiss', { duration: 4000 });
        this.#load(user.id);
      });
    });
  }

  protected endSession(session: SessionDto): void {
    const id = this.id();
    this.#run(this.#users.endSession(id, session.id), () => {
      this.#snackBar.open('Session ended.', 'Dismiss', { duration: 4000 });
      this.#loadSessions(id);
    });
  }

  protected endAllSessions(): void {
    const user = this.user();
    if (!user) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: 'End all sessions?',
      message: `${user.email} is signed out on every device and must sign in again.`,
      confirmLabel: 'End all sessions',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.#run(this.#users.endAllSessions(user.id), () => {
        this.#snackBar.open(`Ended all sessions of ${user.email}.`, 'Dismiss', { duration: 4000 });
        this.#loadSessions(user.id);
      });
    });
  }

  #run<T>(request: Observable<T>, done: (value: T) => void): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblemDetails(error);
        if (problem.code === ErrorCode.VersionConflict) {
          this.rolesConflict.set(true);
          return;
        }
        this.error.set(problemMessage(problem));
      },
    });
  }

  #load(id: string): void {
    this.loadState.set('loading');
    this.#users.get(id).subscribe({
      next: (user) => {
        this.#apply(user);
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  #apply(user: UserDto): void {
    this.user.set(user);
    this.selectedRoles.set(new Set(user.roles));
    this.rolesConflict.set(false);
  }

  #loadSessions(id: string): void {
    this.sessionsLoading.set(true);
    this.#users.sessions(id).subscribe({
      next: (sessions) => {
        this.sessionsLoading.set(false);
        this.sessions.set(sessions);
      },
      error: (error: unknown) => {
        this.sessionsLoading.set(false);
        this.error.set(`Could not load the sessions: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }
}
