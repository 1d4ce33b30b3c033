// A form sent back with errors: focus goes to the first field that needs an answer, so the
// keyboard and the screen reader start where the person has to act (its error is tied to it
// with aria-describedby). Loaded by every page; does nothing on a page without such a field.
const first = document.querySelector('[aria-invalid="true"]');
if (first) first.focus();
