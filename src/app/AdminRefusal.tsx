/** What an agent who is not an administrator sees on an administration screen. */
export function AdminRefusal({ title }: { title: string }) {
  return (
    <main id="contenu" class="page">
      <h1>{title}</h1>
      <p>Cet écran est réservé aux administrateurs.</p>
    </main>
  );
}
