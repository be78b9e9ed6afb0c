import { type ComponentChild, h } from 'preact';
import { useMemo } from 'preact/hooks';

/**
 * The server's printable RGPD page (server/src/rgpd/render-file-html.ts), shown inside the app.
 * It is not opened as a document of its own: its one stylesheet is allowed by the hash of its
 * own Content-Security-Policy, which a Blob URL or `srcdoc` document would not get (they take
 * the app's policy). So its body is read with DOMParser and rebuilt as Preact elements, keeping
 * only the few tags that page uses and their text: no attribute but `class`, no script, no
 * link, whatever the answer holds. The app's stylesheet (rgpd.css) lays it out and prints it.
 */
const KEPT_TAGS = new Set(['h1', 'h2', 'p', 'section', 'dl', 'dt', 'dd']);

export function ExportView({ html }: { html: string }) {
  const content = useMemo(() => {
    // The head is left out before parsing: the parsed document takes the app's policy, and
    // Chromium reports the page's own <style> as a violation of it even though nothing renders.
    const bodyStart = html.search(/<body[\s>]/i);
    const body = new DOMParser().parseFromString(
      bodyStart < 0 ? html : html.slice(bodyStart),
      'text/html',
    ).body;
    return rebuild(body.childNodes);
  }, [html]);
  return <article class="rgpd-export">{content}</article>;
}

function rebuild(nodes: NodeListOf<ChildNode>): ComponentChild[] {
  return Array.from(nodes, (node): ComponentChild => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (!KEPT_TAGS.has(tag)) return element.textContent;
    // The page's own h1 becomes an h2: the screen around it has its h1.
    const shownTag = tag === 'h1' ? 'h2' : tag === 'h2' ? 'h3' : tag;
    const className = element.getAttribute('class');
    return h(shownTag, className ? { class: className } : {}, rebuild(element.childNodes));
  });
}
