import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  trace,
  type Context,
  type Link,
} from '@opentelemetry/api';

/**
 * Trace context helpers for the rest of Depot. They only use the OpenTelemetry API, whose
 * defaults are no-ops: with tracing off (no SDK registered) each is a couple of property reads.
 */

/** Ids of the span active here, when there is one (tracing on and inside a traced operation). */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : undefined;
}

/** Fields for a log line: `traceId` and `spanId` while a span is active, none otherwise (pino mixin). */
export function traceLogFields(): { traceId?: string; spanId?: string } {
  return activeTraceIds() ?? {};
}

/** The W3C `traceparent` of the active context, to store with work done later (outbox rows). */
export function activeTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The context a stored `traceparent` describes (the root context when there is none or it is invalid). */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** A span link to each stored `traceparent` that is valid (for work that serves several requests). */
export function linksFromTraceparents(traceparents: readonly (string | null | undefined)[]): Link[] {
  const links: Link[] = [];
  for (const traceparent of traceparents) {
    const spanContext = trace.getSpanContext(contextFromTraceparent(traceparent));
    if (spanContext && isSpanContextValid(spanContext)) links.push({ context: spanContext });
  }
  return links;
}

/** Depot's tracer for the spans it makes itself (outbox dispatch, webhook delivery). */
export function depotTracer() {
  return trace.getTracer('depot');
}

/** Adds the active context's `traceparent` (and `tracestate`) to outgoing headers, when tracing is on. */
export function injectTraceContext(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}
