// Every htmx request carries the page's CSRF token (the session's forms carry it as a hidden field).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});
// A refusal put into the message area is read out and takes the keyboard's focus.
document.addEventListener('htmx:afterSwap', function (event) {
  if (event.detail.target && event.detail.target.id === 'problems') {
    var first = event.detail.target.firstElementChild;
    if (first) { first.setAttribute('tabindex', '-1'); first.focus(); }
  }
});
// A successful change clears an earlier refusal.
document.addEventListener('htmx:beforeRequest', function () {
  var problems = document.getElementById('problems');
  if (problems) { problems.innerHTML = ''; }
});
