import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Permission, type RoleDto } from '@depot/contracts';

import { AuthService } from '../../../../core/auth/auth.service';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { RolesService } from '../data-access/roles.service';

/** All roles (built-in first), with how many users hold each. */
@Component({
  selector: 'app-role-list',
  imports: [RouterLink, MatTableModule, MatButton, MatAnchor, MatProgressBar, IconComponent],
  template: `
    <header class="page-header">
      <div>
        <h1>Roles</h1>
        <p class="subtitle">What each role may do. Users get the permissions of all their roles.</p>
      </div>
      @if (canManage()) {
        <a mat-flat-button routerLink="new">
          <app-icon name="add" />
          New role
        </a>
      }
    </header>

    @if (error(); as message) {
      <div class="banner banner-error" role="alert">
        <app-icon name="warning" />
        <span class="banner-text">Could not load roles: {{ message }}</span>
        <button mat-button type="button" (click)="load()">Retry</button>
      </div>
    }

    <div class="table-card">
      <div class="progress-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading roles" />
        }
      </div>
      <div class="table-scroll">
        <table mat-table [dataSource]="roles()" aria-label="Roles">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let role">
              <a class="row-link" [routerLink]="[role.id]">{{ role.name }}</a>
              @if (role.builtIn) {
                <span class="badge muted built-in">Built-in</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="description">
            <th mat-header-cell *matHeaderCellDef>Description</th>
            <td mat-cell *matCellDef="let role">{{ role.description }}</td>
          </ng-container>
          <ng-container matColumnDef="permissions">
            <th mat-header-cell *matHeaderCellDef class="numeric">Permissions</th>
            <td mat-cell *matCellDef="let role" class="numeric">{{ role.permissions.length }}</td>
          </ng-container>
          <ng-container matColumnDef="users">
            <th mat-header-cell *matHeaderCellDef class="numeric">Users</th>
            <td mat-cell *matCellDef="let role" class="numeric">
              <a class="row-link" [routerLink]="['/admin/users']" [queryParams]="{ role: role.name }"
                >{{ role.userCount
                }}<span class="cdk-visually-hidden">
                  {{ role.userCount === 1 ? 'user' : 'users' }} with the role {{ role.name }}</span
                ></a
              >
            </td>
          </ng-container>
          <ng-container matColumnDef="mfa">
            <th mat-header-cell *matHeaderCellDef>Two-factor</th>
            <td mat-cell *matCellDef="let role">{{ role.requireMfa ? 'Required' : 'Optional' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr
            mat-row
            *matRowDef="let role; columns: columns"
            class="clickable-row role-row"
            (click)="open($event, role)"
          ></tr>
        </table>
      </div>
    </div>
  `,
  styles: `
    @use '../../../../shared/ui/page';
    @use '../../../../shared/ui/list';
    :host {
      display: block;
    }
    .numeric {
      text-align: end;
    }
    .built-in {
      margin-inline-start: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleListComponent {
  readonly #roles = inject(RolesService);
  readonly #router = inject(Router);
  readonly #auth = inject(AuthService);

  protected readonly columns = ['name', 'description', 'permissions', 'users', 'mfa'];
  protected readonly canManage = computed(() => this.#auth.permissions().has(Permission.IdentityRolesManage));
  protected readonly roles = signal<RoleDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.#roles.list().subscribe({
      next: (roles) => {
        this.loading.set(false);
        this.roles.set(roles);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(problemMessage(toProblemDetails(error)));
      },
    });
  }

  protected open(event: MouseEvent, role: RoleDto): void {
    if (event.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.#router.navigate(['/admin/roles', role.id]);
  }
}
