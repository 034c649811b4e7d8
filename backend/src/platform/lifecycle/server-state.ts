import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is shutting down. Set by the first step of the shutdown sequence:
 * readiness answers 503 from then on, and requests arriving after it (on kept-alive
 * connections) get 503 problem+json with `Connection: close` so clients retry elsewhere.
 */
@Injectable()
export class ServerState {
  closing = false;
}
