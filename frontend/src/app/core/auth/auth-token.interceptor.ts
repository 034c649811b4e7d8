import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';

import { API_BASE_URL, isApiUrl } from '../config/api-base-url.token';
import { AuthService } from './auth.service';

/** Adds `Authorization: Bearer <access token>` to API requests while signed in. */
export const authTokenInterceptor: HttpInterceptorFn = (req, next) => {
  const token = inject(AuthService).accessToken();
  if (!token || !isApiUrl(req.url, inject(API_BASE_URL)) || req.headers.has('Authorization')) {
    return next(req);
  }
  return next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }));
};
