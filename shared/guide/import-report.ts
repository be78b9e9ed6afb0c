import { z } from 'zod';

/**
 * What an import of a data·inclusion file did (CLI and admin upload alike). `line` is the line
 * of the file where the refused record starts (CSV: its row; JSON: its opening brace).
 */
export const importRefusalSchema = z.object({
  line: z.number().int().positive(),
  kind: z.enum(['structure', 'service']),
  id: z.string().optional(),
  reason: z.string(),
});
export type ImportRefusal = z.infer<typeof importRefusalSchema>;

const countsSchema = z.object({
  accepted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});

export const importReportSchema = z.object({
  format: z.enum(['json', 'csv']),
  structures: countsSchema,
  services: countsSchema,
  refusals: z.array(importRefusalSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Why a whole file was refused; nothing was changed. Codes are in shared/errors.ts. */
export const GUIDE_FILE_ERRORS = ['guide_unreadable', 'guide_not_data_inclusion'] as const;
export type GuideFileError = (typeof GUIDE_FILE_ERRORS)[number];

/** The largest file the admin upload takes (a département's guide is a few MB). */
export const GUIDE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024; // 20 MiB
