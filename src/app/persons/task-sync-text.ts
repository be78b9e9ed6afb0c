import type { LocalTask } from '../../db/person-rows';

/**
 * Where the task stands with the server, in words: its receipt number once the server
 * acknowledged the last change sent, and what still waits.
 */
export function taskSyncText(task: LocalTask): string {
  if (task.syncState === 'conflict') return 'modifiée ailleurs : voir « À corriger »';
  if (task.syncState === 'rejected')
    return `refusée : ${task.reason?.message ?? 'voir « À corriger »'}`;
  const receipt = task.receipt ? `reçu n° ${task.receipt.number}` : undefined;
  if (task.syncState === 'pending')
    return receipt ? `${receipt} · modification pas encore envoyée` : 'pas encore envoyée';
  return receipt ?? 'enregistrée sur le serveur';
}
