// Several emails of one group (one rule, one transition, one recipient, written within the
// group wait) as one message (pure): the series listed first, then each one's details.
import { escapeHtml } from "@/lib/render/escape-html";
export type MailPart = { id: string; subject: string; text: string; html: string | null };
export type Mail = { subject: string; text: string; html: string | null };

export function groupMail(title: string, parts: MailPart[]): Mail {
  if (parts.length === 1) return parts[0];
  const subject = `${title} (${parts.length} series)`;
  const list = parts.map((p) => `• ${p.subject}`);
  const text = [subject, "", ...list, "", ...parts.flatMap((p) => ["————————", p.text, ""])].join("\n");
  const html = `<div style="font-family:system-ui,sans-serif;font-size:14px">
<p style="font-size:16px"><strong>${escapeHtml(subject)}</strong></p>
<ul>${parts.map((p) => `<li>${escapeHtml(p.subject)}</li>`).join("")}</ul>
${parts.map((p) => p.html ?? `<pre>${escapeHtml(p.text)}</pre>`).join('\n<hr style="border:0;border-top:1px solid #ddd">\n')}
</div>`;
  return { subject, text, html };
}
