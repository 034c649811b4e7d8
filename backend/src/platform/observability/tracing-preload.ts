/**
 * main.ts's first import: starts tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) before any
 * other module is loaded, so the instrumentations can patch http, fastify and pg as they are
 * first required. Reads only the tracing settings; loadConfig() validates everything right after.
 */
import { loadTracingConfig } from '../config/app-config';
import { INSTANCE } from '../lifecycle/instance';
import { startTracing } from './tracing';

export const tracing = startTracing(loadTracingConfig(), INSTANCE);
