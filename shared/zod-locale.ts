import { z } from 'zod';

/**
 * French messages for every zod check that has no message of its own, so a person never reads
 * an English validation error. Called once by each entry point (src/main.tsx, server start).
 */
export function installFrenchValidationMessages(): void {
  z.config(z.locales.fr());
}
