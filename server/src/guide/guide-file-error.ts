import type { GuideFileError as Code } from '../../../shared/guide/import-report';

/** A file refused whole: nothing was imported. `detail` says what was wrong, in French. */
export class GuideFileError extends Error {
  constructor(
    readonly code: Code,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'GuideFileError';
  }
}
