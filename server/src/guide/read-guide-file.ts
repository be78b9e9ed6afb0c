import { GuideFileError } from './guide-file-error';
import type { RawGuideFile } from './raw-row';
import { readGuideCsv } from './read-guide-csv';
import { readGuideJson } from './read-guide-json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The records of a guide file, whatever its format: JSON when the text starts with `{` or `[`,
 * CSV otherwise. Bytes that are not UTF-8 text (a spreadsheet, an image, a zip) are refused
 * whole before anything is read.
 */
export function readGuideFile(bytes: Uint8Array): RawGuideFile {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new GuideFileError('guide_unreadable', 'Le fichier n’est pas du texte UTF-8.');
  }
  if (hasBinaryControl(text)) {
    throw new GuideFileError('guide_unreadable', 'Le fichier contient des octets binaires.');
  }
  text = text.replace(/^\uFEFF/, '');
  const start = text.trimStart()[0];
  if (start === undefined)
    throw new GuideFileError('guide_not_data_inclusion', 'Le fichier est vide.');
  return start === '{' || start === '[' ? readGuideJson(text) : readGuideCsv(text);
}

/** Control characters other than tab and line breaks do not occur in text files. */
function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)
      return true;
  }
  return false;
}
