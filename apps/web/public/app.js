fetch('/areas')
  .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
  .then((areas) => {
    const list = document.getElementById('areas');
    list.replaceChildren(...areas.map((area) => Object.assign(document.createElement('li'), { textContent: area.name })));
    if (areas.length === 0) list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No areas yet.' }));
  })
  .catch(() => {
    document.getElementById('areas').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'Could not load the areas; is the gateway running?' }));
  });
