// The day-2 waiting page: asks the server now and then whether the facilitator has decided on
// this browser's claim, and goes on when they have — without reloading the page in between,
// so a screen reader is not sent back to the top every few seconds. "Check again" does the
// same by hand (and without JavaScript).
const card = document.getElementById("claim-wait");
const EVERY_MS = 3000;

async function check() {
  try {
    const response = await fetch(card.dataset.statusUrl, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.ok && !(await response.json()).pending) {
      location.assign(card.dataset.nextUrl);
      return;
    }
  } catch {
    // Offline for a moment: ask again at the next turn.
  }
  setTimeout(check, EVERY_MS);
}

setTimeout(check, EVERY_MS);
