import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ErrorCode,
  IDENTITY_LIMITS,
  Permission,
  type ProblemDetails,
  type RoleDto,
  type UpdateRoleRequest,
} from '@depot/contracts';
import { map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { applyServerErrors, serverError, setServerError } from '../../../../shared/forms/server-errors';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header/page-header.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { type PermissionGroup, RolesService } from '../data-access/roles.service';
import { RecordHistoryComponent } from '../../../../shared/history/record-history.component';
import { PermissionMatrixComponent } from './permission-matrix.component';

export const ROLE_IN_USE_MESSAGE =
  'This role is still assigned to users. Remove it from them on their user pages first, then delete it.';
export const ROLE_BUILT_IN_MESSAGE =
  'Built-in roles keep their name and permissions; only "Require two-factor authentication" can change.';

/**
 * Create (`/admin/roles/new`) and edit (`/admin/roles/:id`) a role: name, description, "require
 * MFA" and the permission matrix. Built-in roles show their permissions read-only and only the
 * MFA switch can change.
 */
@Component({
  selector: 'app-role-editor',
  imports: [
    PageHeaderComponent,
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSlideToggle,
    MatButton,
    MatAnchor,
    MatProgressBar,
    IconComponent,
    PermissionMatrixComponent,
    RecordHistoryComponent,
  ],
  templateUrl: './role-editor.component.html',
  styleUrl: './role-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleEditorComponent {
  readonly #roles = inject(RolesService);
  readonly #router = inject(Router);
  readonly #snackBar = inject(MatSnackBar);
  readonly #dialog = inject(MatDialog);
  readonly #auth = inject(AuthService);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id'))), {
    requireSync: true,
  });
  protected readonly isNew = computed(() => !this.id());
  protected readonly canManage = computed(() => this.#auth.permissions().has(Permission.IdentityRolesManage));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly limits = IDENTITY_LIMITS;
  protected readonly builtInMessage = ROLE_BUILT_IN_MESSAGE;

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(IDENTITY_LIMITS.roleNameMaxLength),
        Validators.pattern(IDENTITY_LIMITS.rolePattern),
      ],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(IDENTITY_LIMITS.roleDescriptionMaxLength)],
    }),
    requireMfa: new FormControl(false, { nonNullable: true }),
    permissions: new FormControl<Permission[]>([], { nonNullable: true }),
  });

  protected readonly role = signal<RoleDto | null>(null);
  protected readonly groups = signal<PermissionGroup[]>([]);
  protected readonly loadState = signal<'loading' | 'ready' | 'not-found' | 'failed'>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly builtIn = computed(() => this.role()?.builtIn ?? false);
  protected readonly heading = computed(() => {
    const role = this.role();
    if (this.isNew()) {
      return 'New role';
    }
    return role ? `Role: ${role.name}` : 'Role';
  });

  constructor() {
    this.#roles.permissions().subscribe({
      next: (groups) => this.groups.set(groups),
      error: (error: unknown) =>
        this.formError.set(`Could not load the permissions: ${problemMessage(toProblemDetails(error))}`),
    });
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id) {
          this.#load(id);
        } else {
          this.loadState.set('ready');
          this.#applyAccess();
        }
      });
    });
  }

  protected nameError(): string {
    const control = this.form.controls.name;
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return 'Name is required.';
    }
    if (control.hasError('pattern')) {
      return 'Use lower-case letters, digits and dashes, starting with a letter.';
    }
    return `Use at most ${IDENTITY_LIMITS.roleNameMaxLength} characters.`;
  }

  protected descriptionError(): string {
    return (
      serverError(this.form.controls.description) ??
      `Use at most ${IDENTITY_LIMITS.roleDescriptionMaxLength} characters.`
    );
  }

  protected save(): void {
    if (this.saving() || !this.canManage()) {
      return;
    }
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const role = this.role();
    this.saving.set(true);
    const request$ = role
      ? this.#roles.update(role.id, this.#updateRequest(role))
      : this.#roles.create({
          name: value.name.trim(),
          description: value.description.trim(),
          permissions: value.permissions,
          requireMfa: value.requireMfa,
        });
    request$.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.#snackBar.open(role ? `Saved the role ${saved.name}.` : `Created the role ${saved.name}.`, 'Dismiss', {
          duration: 4000,
        });
        // Your own permissions may have changed with the role.
        if (this.#auth.currentUser()?.roles.includes(saved.name)) {
          this.#auth.reloadCurrentUser().subscribe({ error: () => undefined });
        }
        if (role) {
          this.#apply(saved);
        } else {
          void this.#router.navigate(['/admin/roles', saved.id]);
        }
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.#showError(toProblemDetails(error));
      },
    });
  }

  protected reloadLatest(): void {
    const id = this.id();
    if (id) {
      this.#load(id);
    }
  }

  protected remove(): void {
    const role = this.role();
    if (!role || role.builtIn || !this.canManage()) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: `Delete the role ${role.name}?`,
      message: 'The role and its permissions are removed for good. Users must not hold it any more.',
      confirmLabel: 'Delete role',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.saving.set(true);
      this.#roles.remove(role.id).subscribe({
        next: () => {
          this.saving.set(false);
          this.#snackBar.open(`Deleted the role ${role.name}.`, 'Dismiss', { duration: 4000 });
          void this.#router.navigate(['/admin/roles']);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toProblemDetails(error);
          this.formError.set(problem.code === ErrorCode.RoleInUse ? ROLE_IN_USE_MESSAGE : problemMessage(problem));
        },
      });
    });
  }

  /** Only what may change: built-in roles take `requireMfa` alone. */
  #updateRequest(role: RoleDto): UpdateRoleRequest {
    const value = this.form.getRawValue();
    if (role.builtIn) {
      return { version: role.version, requireMfa: value.requireMfa };
    }
    return {
      version: role.version,
      name: value.name.trim(),
      description: value.description.trim(),
      permissions: value.permissions,
      requireMfa: value.requireMfa,
    };
  }

  #load(id: string): void {
    this.loadState.set('loading');
    this.#roles.get(id).subscribe({
      next: (role) => {
        this.#apply(role);
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  #apply(role: RoleDto): void {
    this.role.set(role);
    this.form.reset({
      name: role.name,
      description: role.description,
      requireMfa: role.requireMfa,
      permissions: role.permissions,
    });
    this.conflict.set(false);
    this.formError.set(null);
    this.#applyAccess();
  }

  /** Read-only without the permission; built-in roles: everything but the MFA switch. */
  #applyAccess(): void {
    if (!this.canManage()) {
      this.form.disable();
      return;
    }
    this.form.enable();
    if (this.builtIn()) {
      this.form.controls.name.disable();
      this.form.controls.description.disable();
      this.form.controls.permissions.disable();
    }
  }

  #showError(problem: ProblemDetails): void {
    if (problem.code === ErrorCode.VersionConflict) {
      this.conflict.set(true);
      return;
    }
    if (problem.code === ErrorCode.RoleNameTaken) {
      setServerError(this.form.controls.name, problem.detail ?? 'Another role already has this name.');
      this.#focusFirstInvalid();
      return;
    }
    if (problem.code === ErrorCode.RoleBuiltIn) {
      this.formError.set(ROLE_BUILT_IN_MESSAGE);
      return;
    }
    if (problem.status === HttpStatus.BadRequest && problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem);
      this.formError.set(
        unmatched.length ? unmatched.map((error) => error.message).join(' ') : 'Please correct the highlighted fields.',
      );
      this.#focusFirstInvalid();
      return;
    }
    this.formError.set(problemMessage(problem));
  }

  #focusFirstInvalid(): void {
    afterNextRender(
      () => this.#host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid')?.focus(),
      { injector: this.#injector },
    );
  }
}
