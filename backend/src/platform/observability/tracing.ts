import type { IncomingMessage } from 'node:http';
import type { FastifyOtelInstrumentation as FastifyOtelInstrumentationType } from '@fastify/otel';
import type { HttpInstrumentation as HttpInstrumentationType } from '@opentelemetry/instrumentation-http';
import type { PgInstrumentation as PgInstrumentationType } from '@opentelemetry/instrumentation-pg';
import type { resourceFromAttributes as resourceFromAttributesType } from '@opentelemetry/resources';
import type { NodeSDK as NodeSdkType } from '@opentelemetry/sdk-node';
import type { TracingConfig } from '../config/app-config';
import type { InstanceIdentity } from '../lifecycle/instance';

/** A started tracing SDK: flush and stop it last when shutting down. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/** Probes and scrapes: frequent, uninteresting, and not worth a trace each. */
const UNTRACED_PATH = /^\/api\/(health|metrics)(\/|\?|$)/;

/**
 * Starts the OpenTelemetry Node SDK when tracing is configured: server spans for HTTP and
 * Fastify routes, client spans for outgoing HTTP (webhooks) and PostgreSQL statements made
 * inside a traced operation, exported over OTLP/HTTP in batches (the SDK reads the standard
 * OTEL_* variables: endpoint, protocol, headers, sampler, batch sizes). Answers undefined and
 * loads nothing when tracing is off, so an untraced Depot pays nothing for it.
 *
 * Must run before http, fastify and pg are first required: the instrumentations patch them on load.
 */
export function startTracing(config: TracingConfig, instance: InstanceIdentity): Tracing | undefined {
  if (!config.enabled) return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- synchronous on purpose: the SDK must be
     in place before main.ts's next import loads fastify, and only when tracing is on */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as { NodeSDK: typeof NodeSdkType };
  const { resourceFromAttributes } = require('@opentelemetry/resources') as {
    resourceFromAttributes: typeof resourceFromAttributesType;
  };
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as {
    HttpInstrumentation: typeof HttpInstrumentationType;
  };
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as {
    PgInstrumentation: typeof PgInstrumentationType;
  };
  const { FastifyOtelInstrumentation } = require('@fastify/otel') as {
    FastifyOtelInstrumentation: typeof FastifyOtelInstrumentationType;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */

  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    resource: resourceFromAttributes({
      'service.version': instance.version,
      // The same id as this process's heartbeat row on the operations page.
      'service.instance.id': instance.id,
    }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATH.test(request.url ?? ''),
      }),
      // Route and handler spans; registers itself on every Fastify instance as it is created.
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: (route) => UNTRACED_PATH.test(route.url),
      }),
      // Only statements inside a traced operation: the background pollers' queries stay out.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
    // Traces only: metrics are Prometheus' job (/api/metrics) and logs go to stdout.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
