import { html, printablePage } from './html';
import { performersHeading, runningOrderHeading, unnamedPerformersLine, type ProgrammeSheet, type RunSheet } from './printable-sheets';

export function programmeHtml(sheet: ProgrammeSheet): string {
  const items = sheet.items.map(
    (item) =>
      html`<tr>
        <td>${item.piece}${item.credit ? html`<br /><span class="small">${item.credit}</span>` : ''}</td>
        <td>${item.ensemble}</td>
        <td>${item.soloists}</td>
      </tr>`,
  );
  const body = html`<h1>${sheet.title}</h1>
    <p class="meta">${sheet.when} · ${sheet.where}</p>
    <h2>Programme</h2>
    <table>
      <thead>
        <tr>
          <th>Piece</th>
          <th>Performed by</th>
          <th>Soloists</th>
        </tr>
      </thead>
      <tbody>
        ${items}
      </tbody>
    </table>
    ${
      sheet.professionalMusicians.length
        ? html`<h2>Playing side by side with the children</h2>
            <ul>
              ${sheet.professionalMusicians.map((m) => html`<li>${m}</li>`)}
            </ul>`
        : ''
    }
    <h2>Performers</h2>
    ${sheet.performersBySchool.map(
      ({ school, names }) =>
        html`<h3>${school}</h3>
          <ul class="names">
            ${names.map((n) => html`<li>${n}</li>`)}
          </ul>`,
    )}
    ${sheet.unnamedCount ? html`<p>${unnamedPerformersLine(sheet.unnamedCount)}</p>` : ''}`;
  return printablePage(`${sheet.title} – programme`, body);
}

export function runSheetHtml(sheet: RunSheet): string {
  const body = html`<h1>Run sheet: ${sheet.title}</h1>
    <p class="meta">${sheet.when} · ${sheet.where}</p>
    <table>
      ${sheet.facts.map(
        (fact) =>
          html`<tr>
            <th>${fact.label}</th>
            <td>${fact.value}</td>
          </tr>`,
      )}
    </table>
    <h2>${runningOrderHeading(sheet)}</h2>
    <table>
      <thead>
        <tr>
          <th>#</th>
          <th>At</th>
          <th>Piece</th>
          <th>Ensemble</th>
          <th>Length</th>
          <th>Soloists</th>
        </tr>
      </thead>
      <tbody>
        ${sheet.runningOrder.rows.map(
          (row) =>
            html`<tr>
              <td>${row.number}</td>
              <td>${row.at}</td>
              <td>${row.piece}</td>
              <td>${row.ensemble}</td>
              <td>${row.length}</td>
              <td>${row.soloists}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>${performersHeading(sheet)}</h2>
    <table>
      <thead>
        <tr>
          <th>Name</th>
          <th>School</th>
          <th>Instrument</th>
          <th>Watch for</th>
        </tr>
      </thead>
      <tbody>
        ${sheet.performers.map(
          (p) =>
            html`<tr>
              <td>${p.name}</td>
              <td>${p.school}</td>
              <td>${p.instrument}</td>
              <td>${p.flags.map((flag) => html`<span class="flag">${flag}</span> `)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  return printablePage(`${sheet.title} – run sheet`, body);
}
