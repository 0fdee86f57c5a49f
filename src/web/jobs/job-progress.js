// Progressive enhancement for /jobs/:id: while the job runs, ask for its progress every
// 2 seconds and update the page in place. When it ends, say so and reload once to show the
// final state and files. Without this script the page offers a reload link instead.
(function () {
  var box = document.querySelector('[data-job-poll]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-job-poll');
  var status = box.querySelector('[data-job-status]');
  var count = box.querySelector('[data-job-count]');
  var message = box.querySelector('[data-job-message]');
  var bar = box.querySelector('progress');
  var live = box.querySelector('[data-job-live]');
  var refreshLinks = document.querySelector('[data-job-refresh]');
  if (refreshLinks) refreshLinks.hidden = true;

  function update(job) {
    status.textContent = job.statusText;
    count.textContent = job.countText;
    message.textContent = job.message || '\u2014';
    if (job.total !== null) {
      bar.max = Math.max(job.total, 1);
      bar.value = Math.min(job.progress, bar.max);
    }
    if (!job.active) {
      live.textContent = live.getAttribute('data-job-finished-text');
      setTimeout(function () { window.location.reload(); }, 1500);
      return;
    }
    setTimeout(poll, 2000);
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(update)
      .catch(function () {
        // Signed out or offline: stop polling and offer the reload link again.
        if (refreshLinks) refreshLinks.hidden = false;
      });
  }

  setTimeout(poll, 2000);
})();
