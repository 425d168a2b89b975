// Runs before the pane's own script: if that script cannot be loaded (a network or server fault),
// the page says so instead of staying on "正在加载…". A file, not an inline handler: the page's
// Content-Security-Policy runs scripts from the add-in's folder (and office.js) only.
window.addEventListener(
  'error',
  function (e) {
    var t = e.target;
    if (!t || t.tagName !== 'SCRIPT' || !/(^|\/)taskpane\.js(\?|$)/.test(t.getAttribute('src') || '')) return;
    var boot = document.getElementById('boot');
    if (boot) boot.textContent = '加载程序文件失败：请检查网络连接，然后关闭并重新打开“审核助手”。';
    document.documentElement.dataset.state = 'load-failed';
  },
  true,
);
