/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const FIELD_ROWS: { name: string; label: string; control: string }[] = [
  { name: 'value', label: 'Giá trị', control: '<input id="fld-value" name="value" inputmode="decimal" autocomplete="off">' },
  { name: 'unit', label: 'Đơn vị', control: '<input id="fld-unit" name="unit" autocomplete="off">' },
  { name: 'base_value', label: 'Giá trị quy đổi', control: '<input id="fld-base_value" name="base_value" inputmode="decimal" autocomplete="off">' },
  { name: 'base_unit', label: 'Đơn vị quy đổi', control: '<input id="fld-base_unit" name="base_unit" autocomplete="off">' },
  { name: 'metric', label: 'Chỉ tiêu', control: '<textarea id="fld-metric" name="metric" rows="2"></textarea>' },
  { name: 'metric_id', label: 'Chỉ tiêu chuẩn', control: '<input id="fld-metric_id" name="metric_id" list="metric-ids" autocomplete="off" placeholder="(không có)">' },
  { name: 'period', label: 'Kỳ', control: '<input id="fld-period" name="period" autocomplete="off" placeholder="2021-08, 2021, @2021-08, 2021-01..2021-08">' },
  {
    name: 'kind',
    label: 'Loại',
    control: '<select id="fld-kind" name="kind"><option>money</option><option>percent</option><option>count</option><option>rank</option><option>ratio</option><option>measure</option></select>',
  },
  {
    name: 'aspect',
    label: 'Khía cạnh',
    control: '<select id="fld-aspect" name="aspect"><option>level</option><option>cumulative</option><option>change</option><option>plan</option><option>share</option><option>rank</option></select>',
  },
  { name: 'direction', label: 'Chiều', control: '<select id="fld-direction" name="direction"><option value="">(không)</option><option>up</option><option>down</option></select>' },
  {
    name: 'approx',
    label: 'Ước lượng',
    control: '<select id="fld-approx" name="approx"><option>none</option><option>estimate</option><option>about</option><option>more_than</option><option>less_than</option></select>',
  },
];

/**
 * The review page. Only fixed markup and escaped values (the CSRF token and the reviewer's
 * name) go into the HTML; document text is added by the script with `textContent` only.
 */
export function reviewPage(opts: { csrfToken: string; reviewer: string }): string {
  const fields = FIELD_ROWS.map(
    (f) => `<div class="field" data-field="${f.name}"><label for="fld-${f.name}">${f.label}</label>${f.control}<div class="field-error" id="err-${f.name}" role="alert"></div></div>`,
  ).join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(opts.csrfToken)}">
<meta name="reviewer" content="${escapeHtml(opts.reviewer)}">
<title>solieu · duyệt số liệu</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header class="top">
  <h1>solieu <span>· duyệt số liệu</span></h1>
  <div class="counter" id="counter" aria-live="polite"></div>
  <form id="filters" class="filters" autocomplete="off">
    <label>Tài liệu <select id="f-doc"><option value="">(tất cả)</option></select></label>
    <label>Chỉ tiêu <input id="f-metric" type="search" placeholder="mã hoặc từ khóa"></label>
    <label>Trạng thái <select id="f-status">
      <option value="auto">chưa duyệt</option><option value="all">tất cả</option><option value="accepted">đã chấp nhận</option>
      <option value="corrected">đã sửa</option><option value="rejected">đã loại</option><option value="accepted,corrected">đã duyệt (giữ)</option>
    </select></label>
    <label>Tin cậy từ <input id="f-min" type="number" min="0" max="1" step="0.05"></label>
    <label>đến <input id="f-max" type="number" min="0" max="1" step="0.05"></label>
    <label>Người duyệt <input id="reviewer" maxlength="100"></label>
  </form>
</header>
<main class="layout">
  <nav class="queue" aria-label="Hàng đợi">
    <ol id="queue"></ol>
    <p class="empty" id="queue-empty" hidden>Không còn số liệu nào theo bộ lọc này.</p>
  </nav>
  <section class="panel" id="panel" aria-live="polite">
    <div id="msg" class="msg" role="status"></div>
    <div id="fact" hidden>
      <p class="sentence" id="sentence"></p>
      <dl class="meta" id="meta"></dl>
      <figure class="crop" id="crop" hidden><img id="crop-img" alt="Vùng trang quét quanh số liệu"><figcaption>Ảnh trang quét quanh số liệu</figcaption></figure>
      <form id="fields" class="fields" autocomplete="off" novalidate>
${fields}
      </form>
      <div class="actions">
        <button type="button" data-act="accept"><kbd>a</kbd> Chấp nhận</button>
        <button type="button" data-act="reject"><kbd>r</kbd> Loại</button>
        <button type="button" data-act="edit"><kbd>e</kbd> Sửa</button>
        <button type="button" data-act="save" class="edit-only"><kbd>Enter</kbd> Lưu</button>
        <button type="button" data-act="cancel" class="edit-only"><kbd>Esc</kbd> Hủy</button>
        <button type="button" data-act="undo"><kbd>u</kbd> Hoàn tác</button>
        <button type="button" data-act="prev"><kbd>k</kbd> Trước</button>
        <button type="button" data-act="next"><kbd>j</kbd> Tiếp</button>
      </div>
      <h2>Lịch sử</h2>
      <ol class="history" id="history"></ol>
    </div>
  </section>
</main>
<footer class="keys" aria-label="Phím tắt">
  <span><kbd>a</kbd> chấp nhận</span><span><kbd>r</kbd> loại</span><span><kbd>e</kbd> sửa</span>
  <span><kbd>j</kbd>/<kbd>↓</kbd> tiếp</span><span><kbd>k</kbd>/<kbd>↑</kbd> trước</span><span><kbd>u</kbd> hoàn tác</span>
  <span><kbd>Enter</kbd> lưu</span><span><kbd>Esc</kbd> hủy</span>
</footer>
<datalist id="metric-ids"></datalist>
</body>
</html>
`;
}
