import { escapeHtml } from '@tutti/platform';
import type { QueueDashboardDto } from './dto/queue-dashboard.dto';
import { JOB_STATES } from './dto/queue-dashboard.dto';

/** The dashboard as a small page: plain tables with captions and header scopes, readable without scripts or styles. */
export function renderQueueDashboard(dashboard: QueueDashboardDto): string {
  const queueRows = dashboard.queues
    .map((queue) => {
      const cells = JOB_STATES.map((state) => `<td>${queue.counts ? queue.counts[state] : '—'}</td>`).join('');
      const note = queue.error ? `<td>${escapeHtml(queue.error)}</td>` : '<td></td>';
      return `<tr><th scope="row">${escapeHtml(queue.name)}</th>${cells}${note}</tr>`;
    })
    .join('\n');
  const failed = dashboard.failedReminders.items;
  const failedTable =
    failed.length === 0
      ? '<p>No failed reminders.</p>'
      : `<table>
<caption>Failed reminders (earliest due first)</caption>
<thead><tr><th scope="col">Reminder</th><th scope="col">Kind</th><th scope="col">Due</th><th scope="col">Attempts</th><th scope="col">Last error</th></tr></thead>
<tbody>
${failed
  .map(
    (reminder) =>
      `<tr><th scope="row"><code>${escapeHtml(reminder.id)}</code></th><td>${escapeHtml(reminder.kind)}</td><td><time datetime="${reminder.due}">${reminder.due}</time></td><td>${reminder.attempts}</td><td>${escapeHtml(reminder.lastError ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  const next = dashboard.failedReminders.nextCursor
    ? `<p><a href="queues.html?cursor=${encodeURIComponent(dashboard.failedReminders.nextCursor)}">More failed reminders</a></p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Queues — parent engagement</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #666;padding:.3rem .6rem;text-align:left}caption{text-align:left;font-weight:bold}</style>
</head>
<body>
<main>
<h1>Queues — parent engagement</h1>
<table>
<caption>Jobs per state</caption>
<thead><tr><th scope="col">Queue</th>${JOB_STATES.map((state) => `<th scope="col">${state}</th>`).join('')}<th scope="col">Problem</th></tr></thead>
<tbody>
${queueRows}
</tbody>
</table>
<h2>Failed reminders</h2>
${failedTable}
${next}
<p>To retry a failed reminder, POST to <code>/admin/reminders/{id}/retry</code>.</p>
</main>
</body>
</html>
`;
}
