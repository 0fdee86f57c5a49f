// Data entry of paper forms: in a row of radio buttons, typing the key shown next to a box
// picks it (1-9, 0 for "no", n for "not applicable", - for empty). Without this script the
// arrow keys do the same, only slower.
document.addEventListener('keydown', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'radio' || !input.form) return;
  if (event.ctrlKey || event.altKey || event.metaKey || event.key.length !== 1) return;
  const key = event.key.toLowerCase();
  const group = Array.from(input.form.elements).filter((el) => el instanceof HTMLInputElement && el.type === 'radio' && el.name === input.name);
  const target = group.find((el) => el.dataset.key === key);
  if (!target) return;
  event.preventDefault();
  target.checked = true;
  target.focus();
});
