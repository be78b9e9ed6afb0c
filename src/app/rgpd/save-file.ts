/** Hands `text` to the browser as a file download named `name`, through a Blob URL. */
export function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the URL would only hold memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a person's name and the day: letters, digits and dashes only. */
export function exportFileName(personName: string, day: string, extension: string): string {
  const slug = personName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `rgpd-${slug || 'personne'}-${day}.${extension}`;
}
