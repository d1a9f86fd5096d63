// Optional improvements for the respondent form; everything works without this script.
(() => {
  const form = document.querySelector('form[data-respondent]');
  if (!form) return;

  // An exclusive choice ("geen specifieke rol") clears the others, and choosing another clears it;
  // a group with a maximum takes no more than that.
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input?.type !== 'checkbox' || !input.checked) return;
    for (const other of form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(input.name)}"]`)) {
      if (other !== input && (input.hasAttribute('data-exclusive') || other.hasAttribute('data-exclusive'))) other.checked = false;
    }
    const fieldset = input.closest('fieldset[data-max]');
    if (fieldset && fieldset.querySelectorAll('input[type=checkbox]:checked').length > Number(fieldset.getAttribute('data-max'))) input.checked = false;
  });

  // Read aloud with the browser's own speech: nothing leaves the phone. Without speech, no button.
  if ('speechSynthesis' in window) {
    for (const button of form.querySelectorAll('button.speak')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        speechSynthesis.cancel();
        const utterance = new SpeechSynthesisUtterance(button.dataset.speak || '');
        utterance.lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-BE';
        speechSynthesis.speak(utterance);
      });
    }
  }

  // The server asks follow-ups on an extra step only when this script did not show them.
  const marker = document.createElement('input');
  marker.type = 'hidden';
  marker.name = '_js';
  marker.value = '1';
  form.append(marker);

  // Follow-up questions appear only when the answer they depend on calls for them.
  const valuesOf = (name) => {
    const values = [];
    for (const field of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) continue;
      if (field.value.trim() !== '') values.push(field.value);
    }
    return values;
  };
  const holds = (condition) => {
    if (condition.all) return condition.all.every(holds);
    if (condition.any) return condition.any.some(holds);
    const values = valuesOf(condition.item ? `${condition.question}.${condition.item}` : condition.question);
    if (condition.answered) return values.length > 0;
    if (condition.notAnswered) return values.length === 0;
    const wanted = (condition.anyOf ?? [condition.equals]).map(String);
    return values.some((v) => wanted.includes(v));
  };
  const followUps = [...form.querySelectorAll('.follow-up[data-show-if]')].map((element) => ({
    element,
    condition: JSON.parse(element.getAttribute('data-show-if')),
  }));
  const showFollowUps = () => {
    for (const { element, condition } of followUps) element.hidden = !holds(condition);
  };
  if (followUps.length > 0) {
    form.addEventListener('change', showFollowUps);
    form.addEventListener('input', showFollowUps);
    showFollowUps();
  }

  // A live count of the characters left under each longer text field.
  const suffix = document.documentElement.lang === 'en' ? ' characters left' : ' tekens over';
  for (const field of form.querySelectorAll('textarea[maxlength], input[type=text][maxlength]')) {
    const max = Number(field.getAttribute('maxlength'));
    if (max < 200) continue;
    const counter = document.createElement('p');
    counter.className = 'help counter';
    const update = () => {
      counter.textContent = `${max - field.value.length}${suffix}`;
    };
    field.insertAdjacentElement('afterend', counter);
    field.addEventListener('input', update);
    update();
  }

  // Submitting twice (a double tap on a slow phone) sends the page once.
  form.addEventListener('submit', (event) => {
    if (form.hasAttribute('data-sent')) event.preventDefault();
    else form.setAttribute('data-sent', 'yes');
  });
  // Coming back with the browser's back button restores the page as it was: allow sending again.
  window.addEventListener('pageshow', () => form.removeAttribute('data-sent'));
})();
