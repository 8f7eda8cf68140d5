/**
 * Saving a file the API answers (a CSV export, a printable PDF) the signed-in way: the API wants the
 * access token, which a plain link does not carry, so the page reads it through the typed client
 * (`parseAs: 'blob'`) and hands the answer here.
 *
 *   await saveFile(client.GET('/api/…/provision.csv', { params, parseAs: 'blob', headers: { accept: 'text/csv' } }), 'provision.csv');
 */

/** The file name an answer's Content-Disposition gives, if any. */
export function fileNameOf(response: Response): string | null {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/** Offers the file of an answer to the browser as a download; answers the file and the name it was saved as. */
export async function saveFile(
  answer: Promise<{ data?: Blob; response: Response }>,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  const { data, response } = await answer;
  if (!data) throw new Error('The answer had no file.');
  const fileName = fileNameOf(response) ?? fallbackName;
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { blob: data, fileName };
}
